package org.iprharbor.notification.ops.delivery;

import java.util.List;
import java.util.UUID;

/**
 * The delivery-health panel: counts per channel, and the disabled webhook endpoints.
 */
public record DeliveryHealthView(List<Channel> channels, List<DisabledEndpoint> disabledEndpoints) {

    /**
     * One channel's deliveries by outcome.
     *
     * @param failed failed attempts in the last hour (each may still be retried)
     */
    public record Channel(String channel, long delivered, long retrying, long failed, long dead) {
    }

    /** A webhook endpoint that receives nothing until its owner or an operator re-enables it. */
    public record DisabledEndpoint(UUID id, UUID ownerId, String url, String reason, int consecutiveFailures) {
    }
}
