package org.iprharbor.kit.events;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.logging.Log;

import org.iprharbor.kit.persistence.DatabaseOutage;

/**
 * Applies an event again while the database is briefly away (restarting, failing over), instead of letting the
 * consumer's dead-letter strategy park a valid event in {@code <topic>.dlq}: a PostgreSQL restart dead-lettered
 * deal events that notification-service then never applied (found by the fault suite). Poison records and other
 * errors still fail at once. A commit that broke off is applied again too: if it was saved after all, the inbox
 * recognises the event id and the try changes nothing. Each try is its own transaction, so the inbox keeps the
 * effect exactly-once. While the instance stops, {@link ConsumerGate} holds records instead of applying them.
 */
public final class TransientFailures {

    /** Long enough to ride out a database restart, well inside the connector's 60 s unprocessed-record limit. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(40);
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private TransientFailures() {
    }

    public static void retry(String what, Runnable apply) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (long pauseMillis = 100; ; pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS)) {
            try {
                ConsumerGate.apply(what, apply);
                return;
            } catch (RuntimeException e) {
                Optional<DatabaseOutage> outage = DatabaseOutage.in(e);
                if (outage.isEmpty() || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw e;
                }
                if (ConsumerGate.stopping()) {
                    ConsumerGate.holdRecord(what);
                }
                Log.warnf("%s waits for the database (%s); trying again in %d ms", what, outage.get().reason(),
                        pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
