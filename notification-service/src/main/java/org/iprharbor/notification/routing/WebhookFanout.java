package org.iprharbor.notification.routing;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.notification.delivery.DeliveryQueue;
import org.iprharbor.notification.domain.WebhookSubscription;

/**
 * Queues an event for every enabled webhook subscription whose type pattern and filters match it.
 */
@ApplicationScoped
public class WebhookFanout {

    private final DeliveryQueue queue;

    WebhookFanout(DeliveryQueue queue) {
        this.queue = queue;
    }

    /**
     * @param countries the countries the event involves (parties' countries, the patent's jurisdiction, a need's
     *                  territories)
     * @param dealTypes the deal types it concerns (a need's wanted types, a match's shared ones); a subscription
     *                  filtered by deal type wants the event when one of them is among its types
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int fanOut(IncomingEvent event, String cloudEvent, Set<String> countries, Set<String> dealTypes) {
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("enabled", true);
        int queued = 0;
        for (WebhookSubscription subscription : subscriptions) {
            if (matches(subscription, event.type(), countries, dealTypes)) {
                queue.enqueueWebhook(subscription.id, event.id(), event.type(), subscription.url, cloudEvent);
                queued++;
            }
        }
        return queued;
    }

    static boolean matches(WebhookSubscription subscription, String type, Set<String> countries, Set<String> dealTypes) {
        return subscription.wants(type)
                && (subscription.countries.isEmpty() || subscription.countries.stream().anyMatch(countries::contains))
                && (subscription.dealTypes.isEmpty() || subscription.dealTypes.stream().anyMatch(dealTypes::contains));
    }
}
