package org.iprharbor.bench.stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits until the work earlier benchmarks left queued (unpublished outbox rows, waiting deliveries) is done, so a
 * latency measurement is not charged for someone else's backlog.
 */
public final class Backlogs {

    private Backlogs() {
    }

    /** @return seconds waited; throws if the queues are still busy after the timeout */
    public static double awaitIdle(BenchStack stack, Duration timeout) throws Exception {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        try (Connection deal = stack.database("deal"); Connection notification = stack.database("notification")) {
            while (count(deal, "SELECT count(*) FROM outbox WHERE published_at IS NULL")
                    + count(notification, "SELECT count(*) FROM delivery WHERE status IN ('PENDING', 'SENDING')"
                            + " OR (status = 'RETRYING' AND next_attempt_at <= now())") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("outbox or delivery queue still busy after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }
        return (System.nanoTime() - began) / 1e9;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
