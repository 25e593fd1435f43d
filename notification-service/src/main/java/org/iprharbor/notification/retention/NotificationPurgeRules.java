package org.iprharbor.notification.retention;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.iprharbor.kit.retention.PurgeRule;

/**
 * What notification-service forgets, and when (beside service-kit's outbox and processed-event rows): each table's
 * rows that no guarantee needs any more once older than its {@code harbor.retention.<table>.max-age}. Why each is safe
 * to purge, and what is kept for good: docs/retention.md.
 */
@Dependent
public class NotificationPurgeRules {

    /**
     * Received events (webhook bodies, replays, the deal timeline), by event time, except those still waiting for a
     * party's contact data ({@code awaiting_contact} points at them): they are owed to someone.
     */
    @Produces
    @Singleton
    PurgeRule eventLog() {
        return PurgeRule.byAge("event_log", "event_id", "occurred_at",
                "NOT EXISTS (SELECT 1 FROM awaiting_contact a WHERE a.event_id = event_log.event_id)");
    }

    /**
     * Finished deliveries (delivered or dead) with their attempts, by their last attempt ({@code next_attempt_at} is
     * when the last one was due). Waiting ones, however old (an endpoint disabled for weeks), stay until sent.
     */
    @Produces
    @Singleton
    PurgeRule delivery() {
        return new PurgeRule("delivery", """
                WITH finished AS (
                    SELECT id FROM delivery
                    WHERE status IN ('DELIVERED', 'DEAD') AND next_attempt_at < now() - make_interval(secs => ?1)
                    ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED),
                attempts AS (DELETE FROM delivery_attempt WHERE delivery_id IN (SELECT id FROM finished))
                DELETE FROM delivery WHERE id IN (SELECT id FROM finished)""");
    }

    /** Partners' in-app notifications, read or not, by when they were written. */
    @Produces
    @Singleton
    PurgeRule inboxItem() {
        return PurgeRule.byAge("inbox_item", "id", "created_at", "true");
    }

    /** Match notices already told (by when); pending ones stay until the digest job tells them. */
    @Produces
    @Singleton
    PurgeRule matchNotice() {
        return PurgeRule.byAge("match_notice", "match_id, party", "sent_at", "true");
    }

    /** The dashboard's match funnel, which shows the last 14 days. */
    @Produces
    @Singleton
    PurgeRule matchFound() {
        return PurgeRule.byAge("match_found", "match_id", "found_at", "true");
    }
}
