package org.iprharbor.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of NotificationDelivered and NotificationFailed on {@code harbor.notifications.v1} (no addresses or
 * secrets: dashboards show them to operators).
 */
public record DeliveryEvent(UUID deliveryId, String channel, UUID targetId, UUID eventId, String eventType,
        int attempts, Integer statusCode, String error, Instant at) {
}
