package org.iprharbor.kit.events;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.kit.persistence.DatabaseOutage;

import io.quarkus.logging.Log;

/**
 * Applies an event again while the database is briefly away (restarting, failing over) instead of letting the
 * dead-letter strategy park a valid event (docs/reliability.md, postgres-immediate-restart); each try is its own
 * transaction, so the inbox keeps the effect exactly-once, and every try goes through the {@link ConsumerGate}.
 */
@ApplicationScoped
public class TransientFailures {

    /** Long enough to ride out a database restart, well inside the connector's 60 s unprocessed-record limit. */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(40);
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private final ConsumerGate gate;

    TransientFailures(ConsumerGate gate) {
        this.gate = gate;
    }

    /** Runs {@code apply}, again while the database is briefly away; {@code what} names the event in the logs. */
    public void retry(String what, Runnable apply) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (long pauseMillis = 100; ; pauseMillis = Math.min(pauseMillis * 2, MAX_PAUSE_MILLIS)) {
            try {
                gate.apply(what, apply);
                return;
            } catch (RuntimeException e) {
                Optional<DatabaseOutage> outage = DatabaseOutage.in(e);
                if (outage.isEmpty() || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw e;
                }
                if (gate.stopping()) {
                    gate.holdRecord(what);
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
