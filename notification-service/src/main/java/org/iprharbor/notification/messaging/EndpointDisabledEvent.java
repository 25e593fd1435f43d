package org.iprharbor.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of EndpointDisabled on {@code harbor.notifications.v1}: an integrator's webhook stopped receiving.
 */
public record EndpointDisabledEvent(UUID subscriptionId, UUID ownerId, String reason, int consecutiveFailures, Instant at) {
}
