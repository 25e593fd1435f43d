package org.iprharbor.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.domain.DeliveryAttempt;
import org.iprharbor.notification.domain.WebhookSubscription;

/**
 * How subscriptions and their deliveries appear in the API; the secret only in the answer that creates or rotates it.
 */
public final class SubscriptionViews {

    private SubscriptionViews() {
    }

    /** A subscription; {@code secret} is present only when just created or rotated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, List<String> countries,
            List<String> dealTypes, boolean enabled, String disabledReason, int consecutiveFailures, Instant createdAt,
            String secret, Instant previousSecretValidUntil) {

        static SubscriptionView of(WebhookSubscription subscription, boolean withSecret) {
            return new SubscriptionView(subscription.id, subscription.url, subscription.eventTypes, subscription.countries,
                    subscription.dealTypes, subscription.enabled, subscription.disabledReason,
                    subscription.consecutiveFailures, subscription.createdAt, withSecret ? subscription.secret : null,
                    withSecret ? subscription.previousSecretUntil : null);
        }
    }

    /** A delivery with its attempts. */
    public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts, Instant nextAttemptAt,
            Instant deliveredAt, String lastError, List<AttemptView> history) {

        static DeliveryView of(Delivery delivery) {
            List<AttemptView> attempts = DeliveryAttempt.<DeliveryAttempt>list("deliveryId = ?1 order by at", delivery.id)
                    .stream().map(attempt -> new AttemptView(attempt.at, attempt.statusCode, attempt.latencyMs, attempt.error))
                    .toList();
            return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.status.name(), delivery.attempts,
                    delivery.nextAttemptAt, delivery.deliveredAt, delivery.lastError, attempts);
        }
    }

    /** One attempt: the status code (null when no answer came), the latency and the error. */
    public record AttemptView(Instant at, Integer statusCode, long latencyMs, String error) {
    }
}
