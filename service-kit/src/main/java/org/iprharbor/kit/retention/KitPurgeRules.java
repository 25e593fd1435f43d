package org.iprharbor.kit.retention;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The tables every service has (service-kit's migration creates them): published outbox rows and the inbox's
 * processed-event rows. How long each is kept, and why, is in docs/retention.md.
 */
@Dependent
public class KitPurgeRules {

    /**
     * Published outbox rows. The relay publishes in position order, so publication times rise with the position: the
     * batch looks at the {@code batch-size} oldest positions only (the primary key) and deletes those published before
     * the cut-off: every batch reads at most that many rows, without an index on {@code published_at} that the relay
     * would have to keep up on every event. Unpublished rows never qualify.
     */
    @Produces
    @Singleton
    PurgeRule outbox() {
        return new PurgeRule("outbox", """
                DELETE FROM outbox WHERE position IN (
                    SELECT position FROM outbox
                    WHERE position <= (SELECT max(position) FROM (SELECT position FROM outbox ORDER BY position LIMIT ?2) oldest)
                      AND published_at < now() - make_interval(secs => ?1)
                    FOR UPDATE SKIP LOCKED)""");
    }

    /**
     * Processed-event rows: the record that an event was applied. Once one is gone, a redelivery of that event would
     * be applied again, so its max-age must outlast every way an event comes back (docs/retention.md).
     */
    @Produces
    @Singleton
    PurgeRule processedEvent() {
        return PurgeRule.byAge("processed_event", "consumer, event_id", "processed_at", "true");
    }
}
