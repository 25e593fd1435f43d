package org.iprharbor.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.outbox.Outbox;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.domain.WebhookSubscription;
import org.iprharbor.notification.messaging.EndpointDisabledEvent;
import org.iprharbor.notification.messaging.NotificationTopics;

import io.quarkus.logging.Log;

/**
 * Counts a webhook endpoint's consecutive failed attempts and disables it (telling its owner) after 410 Gone or too
 * many failures, so a dead endpoint stops costing the platform sends.
 */
@ApplicationScoped
public class WebhookEndpointHealth {

    private final NotificationConfig config;
    private final Outbox outbox;

    WebhookEndpointHealth(NotificationConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /** Takes one attempt's outcome into account, in the transaction that records it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attempted(UUID subscriptionId, Outcome outcome, Instant now) {
        WebhookSubscription endpoint = WebhookSubscription.findById(subscriptionId);
        if (endpoint == null) {
            return;
        }
        if (outcome.delivered()) {
            endpoint.consecutiveFailures = 0;
            return;
        }
        endpoint.consecutiveFailures++;
        if (outcome.gone()) {
            disable(endpoint, "the endpoint answered 410 Gone", now);
        } else if (endpoint.enabled && endpoint.consecutiveFailures >= config.webhooks().disableAfterFailures()) {
            disable(endpoint, endpoint.consecutiveFailures + " consecutive failed deliveries, the last: " + outcome.error(), now);
        }
    }

    private void disable(WebhookSubscription endpoint, String reason, Instant now) {
        if (!endpoint.enabled) {
            return;
        }
        endpoint.enabled = false;
        endpoint.disabledReason = reason;
        WebhookSubscription.flush();
        outbox.append(NotificationTopics.NOTIFICATIONS, NotificationTopics.ENDPOINT_DISABLED, endpoint.ownerId,
                endpoint.version, new EndpointDisabledEvent(endpoint.id, endpoint.ownerId, reason, endpoint.consecutiveFailures, now));
        InboxItem notice = new InboxItem();
        notice.id = UUID.randomUUID();
        notice.partnerId = endpoint.ownerId;
        notice.eventId = UUID.randomUUID();
        notice.eventType = NotificationTopics.ENDPOINT_DISABLED;
        notice.subjectId = endpoint.id.toString();
        notice.language = "en";
        notice.title = "Webhook endpoint disabled";
        notice.body = "Deliveries to " + endpoint.url + " stopped: " + reason + ". Fix the endpoint, then enable it again "
                + "with POST /subscriptions/" + endpoint.id + "/enable; nothing queued meanwhile is lost.";
        notice.createdAt = now;
        notice.persist();
        Log.warnf("webhook endpoint disabled subscriptionId=%s ownerId=%s reason=%s", endpoint.id, endpoint.ownerId, reason);
    }
}
