package org.iprharbor.notification.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.delivery.DeliveryQueue;
import org.iprharbor.notification.delivery.WebhookSigner;
import org.iprharbor.notification.delivery.WebhookTargets;
import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.notification.domain.WebhookSubscription;

import io.quarkus.logging.Log;

/**
 * Integrators' webhook subscriptions: registration (the secret is shown once), rotation with an overlap,
 * re-enabling, retries and replays. A subscription is visible to its owner and operators only.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private final WebhookTargets targets;
    private final DeliveryQueue queue;
    private final NotificationConfig config;
    private final EntityManager entityManager;

    WebhookSubscriptions(WebhookTargets targets, DeliveryQueue queue, NotificationConfig config, EntityManager entityManager) {
        this.targets = targets;
        this.queue = queue;
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    public WebhookSubscription create(UUID owner, String url, List<String> eventTypes, List<String> countries,
            List<String> dealTypes) {
        String refusal = targets.refusal(url);
        if (refusal != null) {
            throw ProblemException.invalidField("url", refusal);
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.ownerId = owner;
        subscription.url = url;
        subscription.eventTypes = List.copyOf(eventTypes);
        subscription.countries = countries == null ? List.of() : List.copyOf(countries);
        subscription.dealTypes = dealTypes == null ? List.of() : List.copyOf(dealTypes);
        subscription.secret = WebhookSigner.newSecret();
        subscription.enabled = true;
        subscription.createdAt = Instant.now();
        subscription.persist();
        Log.infof("webhook subscription created subscriptionId=%s ownerId=%s types=%s", subscription.id, owner, eventTypes);
        return subscription;
    }

    public WebhookSubscription visible(UUID id, Caller caller) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .filter(subscription -> caller.mayActFor(subscription.ownerId))
                .orElseThrow(() -> ProblemException.notFound("No webhook subscription " + id + " of yours."));
    }

    @Transactional
    public void delete(UUID id, Caller caller) {
        WebhookSubscription subscription = visible(id, caller);
        entityManager.createNativeQuery("UPDATE delivery SET status = 'DEAD', last_error = 'subscription deleted' "
                + "WHERE target_id = ?1 AND status IN ('PENDING', 'RETRYING')").setParameter(1, id).executeUpdate();
        subscription.delete();
    }

    /** A new secret; the old one keeps signing for the overlap, so receivers can switch without losing messages. */
    @Transactional
    public WebhookSubscription rotateSecret(UUID id, Caller caller) {
        WebhookSubscription subscription = visible(id, caller);
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = Instant.now().plus(config.webhooks().rotationOverlap());
        subscription.secret = WebhookSigner.newSecret();
        return subscription;
    }

    @Transactional
    public WebhookSubscription enable(UUID id, Caller caller) {
        WebhookSubscription subscription = visible(id, caller);
        subscription.enabled = true;
        subscription.disabledReason = null;
        subscription.consecutiveFailures = 0;
        entityManager.createNativeQuery("UPDATE delivery SET next_attempt_at = now() WHERE target_id = ?1 AND status = 'RETRYING'")
                .setParameter(1, id).executeUpdate();
        return subscription;
    }

    @Transactional
    public List<Delivery> deliveries(UUID id, Caller caller, int limit) {
        visible(id, caller);
        return Delivery.<Delivery>find("targetId = ?1 order by createdAt desc", id).page(0, limit).list();
    }

    /** Queues again every logged event since {@code since} that the subscription's filters match. */
    @Transactional
    public int replay(UUID id, Caller caller, Instant since) {
        WebhookSubscription subscription = visible(id, caller);
        @SuppressWarnings("unchecked")
        List<Object[]> events = entityManager.createNativeQuery("""
                SELECT event_id, event_type, cloud_event FROM event_log WHERE occurred_at >= ?1 ORDER BY occurred_at""")
                .setParameter(1, since).getResultList();
        int queued = 0;
        for (Object[] event : events) {
            if (subscription.wants((String) event[1])) {
                queue.enqueueWebhook(subscription.id, (UUID) event[0], (String) event[1], subscription.url, (String) event[2]);
                queued++;
            }
        }
        Log.infof("webhook replay subscriptionId=%s since=%s queued=%d", id, since, queued);
        return queued;
    }

    @Transactional
    public Delivery retry(UUID deliveryId, Caller caller) {
        Delivery delivery = Delivery.<Delivery>findByIdOptional(deliveryId)
                .filter(found -> found.channel == Delivery.Channel.WEBHOOK)
                .orElseThrow(() -> ProblemException.notFound("No delivery " + deliveryId + " of yours."));
        visible(delivery.targetId, caller);
        if (!queue.requeue(deliveryId)) {
            throw ProblemException.conflict("Delivery " + deliveryId + " is being sent right now.");
        }
        return Delivery.findById(deliveryId);
    }
}
