package org.iprharbor.kit.events;

import java.sql.SQLException;
import java.time.Duration;

import io.quarkus.logging.Log;

/**
 * Applies an event again while the database is briefly away (restarting, failing over), instead of letting the
 * consumer's dead-letter strategy park a valid event in {@code <topic>.dlq}: a PostgreSQL restart dead-lettered
 * deal events that notification-service then never applied (found by the fault suite). Poison records and other
 * errors still fail at once. Each try is its own transaction, so the inbox keeps the effect exactly-once. While the
 * instance stops, {@link ConsumerGate} holds records instead of applying them.
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
                if (!isTransient(e) || System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    throw e;
                }
                if (ConsumerGate.stopping()) {
                    ConsumerGate.holdRecord(what);
                }
                Log.warnf("%s waits for the database (%s); trying again in %d ms", what, rootMessage(e), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A connection failure (SQLSTATE class 08) or a server refusing work while it starts or stops (57P). */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
