package org.iprharbor.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.tracing.TraceParent;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.Delivery;

/**
 * The durable delivery queue in PostgreSQL: deliveries are written in the consuming transaction, claimed with
 * {@code FOR UPDATE SKIP LOCKED} under a lease (so several instances share the work and a crashed worker's
 * claims come back), and never lost across restarts.
 */
@ApplicationScoped
public class DeliveryQueue {

    private final EntityManager entityManager;
    private final NotificationConfig config;
    private final Event<Queued> queued;

    DeliveryQueue(EntityManager entityManager, NotificationConfig config, Event<Queued> queued) {
        this.entityManager = entityManager;
        this.config = config;
        this.queued = queued;
    }

    /** Fired when deliveries were queued; the worker wakes after the commit. */
    public record Queued() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueEmail(UUID partnerId, IncomingEvent event, String address, String language, String subject,
            String text, String html) {
        insert(Delivery.Channel.EMAIL, partnerId, event.id(), event.type(), address, subject, text, html, language);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueWebhook(UUID subscriptionId, UUID eventId, String eventType, String url, String cloudEventJson) {
        insert(Delivery.Channel.WEBHOOK, subscriptionId, eventId, eventType, url, null, cloudEventJson, null, null);
    }

    /**
     * Hands claimed deliveries that were never sent back to the queue at once (their lease ends now), so a worker
     * that stops, or stops sending to a target after a failure, does not hold them for a whole lease.
     */
    @Transactional
    public void release(List<UUID> deliveryIds) {
        entityManager.createNativeQuery("""
                UPDATE delivery SET lease_until = now() - interval '1 millisecond'
                WHERE id = ANY(?1) AND status = 'SENDING'""")
                .setParameter(1, deliveryIds.toArray(UUID[]::new)).executeUpdate();
    }

    /** Queues a delivery again now (a retry or a replay asked for by its owner); true if there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requeue(UUID deliveryId) {
        boolean requeued = entityManager.createNativeQuery("""
                UPDATE delivery SET status = 'PENDING', next_attempt_at = now(), attempts = 0, lease_until = NULL
                WHERE id = ?1 AND status <> 'SENDING'""").setParameter(1, deliveryId).executeUpdate() == 1;
        if (requeued) {
            queued.fire(new Queued());
        }
        return requeued;
    }

    private void insert(Delivery.Channel channel, UUID target, UUID eventId, String eventType, String address,
            String subject, String body, String html, String language) {
        // ON CONFLICT (a replay of an event already queued for this target; same webhook-id): a finished delivery is
        // queued again, a waiting one is sent soon, and one being sent right now is sent once more afterwards; the next
        // send continues the replay's trace.
        TraceParent trace = TraceParent.current();
        entityManager.createNativeQuery("""
                INSERT INTO delivery (id, channel, target_id, event_id, event_type, address, subject, body, html, language,
                                      status, attempts, next_attempt_at, created_at, traceparent, tracestate)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', 0, now(), now(), ?11, ?12)
                ON CONFLICT (channel, target_id, event_id) DO UPDATE SET
                   traceparent = excluded.traceparent, tracestate = excluded.tracestate,
                   status = CASE WHEN delivery.status IN ('DELIVERED', 'DEAD') THEN 'PENDING' ELSE delivery.status END,
                   attempts = CASE WHEN delivery.status IN ('DELIVERED', 'DEAD') THEN 0 ELSE delivery.attempts END,
                   next_attempt_at = CASE WHEN delivery.status = 'SENDING' THEN delivery.next_attempt_at ELSE now() END,
                   resend = (delivery.status = 'SENDING')""")
                .setFlushMode(FlushModeType.COMMIT) // no caller changes deliveries through the ORM: no flush needed first
                .setParameter(1, UUID.randomUUID()).setParameter(2, channel.name()).setParameter(3, target)
                .setParameter(4, eventId).setParameter(5, eventType).setParameter(6, address).setParameter(7, subject)
                .setParameter(8, body).setParameter(9, html).setParameter(10, language)
                .setParameter(11, trace == null ? null : trace.traceparent())
                .setParameter(12, trace == null ? null : trace.tracestate())
                .executeUpdate();
        queued.fire(new Queued());
    }

    /**
     * Claims due deliveries (and expired claims of crashed workers), skipping rows other instances hold,
     * targets this instance is already sending to, and disabled webhook endpoints; the claimed rows come back from the
     * same statement, so claiming and loading them is one round trip.
     */
    @Transactional
    public List<Delivery> claim(Set<UUID> busyTargets) {
        @SuppressWarnings("unchecked")
        List<Delivery> claimed = entityManager.createNativeQuery("""
                UPDATE delivery SET status = 'SENDING', lease_until = ?1
                WHERE id IN (
                    SELECT d.id FROM delivery d
                    WHERE ((d.status IN ('PENDING', 'RETRYING') AND d.next_attempt_at <= now())
                           OR (d.status = 'SENDING' AND d.lease_until < now()))
                      AND NOT (d.target_id = ANY(?2))
                      AND NOT EXISTS (SELECT 1 FROM webhook_subscription w WHERE w.id = d.target_id AND NOT w.enabled)
                    ORDER BY d.next_attempt_at
                    LIMIT ?3
                    FOR UPDATE SKIP LOCKED)
                RETURNING *""", Delivery.class)
                .setParameter(1, Instant.now().plus(config.delivery().lease()))
                .setParameter(2, busyTargets.toArray(UUID[]::new))
                .setParameter(3, config.delivery().batchSize())
                .getResultList();
        return claimed;
    }

    /** Waiting deliveries by status, for the metrics. */
    @Transactional
    public List<Object[]> depthByStatus() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT channel, status, count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
                FROM delivery WHERE status IN ('PENDING', 'RETRYING', 'SENDING') GROUP BY channel, status""").getResultList();
        return rows;
    }
}
