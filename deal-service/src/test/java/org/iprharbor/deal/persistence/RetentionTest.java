package org.iprharbor.deal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.kit.outbox.OutboxRelay;
import org.iprharbor.kit.retention.PurgeRule;
import org.iprharbor.kit.retention.Retention;
import org.iprharbor.kit.retention.TablePurger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention against the real {@code deal} database with the shipped max-ages (outbox 7 days, processed events and
 * idempotency keys 30): rows older than those go, younger and unpublished ones stay, a purge never waits on a row
 * the service holds, and two instances purging at once delete every old row once between them.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    TablePurger purger;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldPurgePublishedOutboxRowsAfterSevenDaysAndKeepYoungerAndUnpublishedOnes() throws SQLException {
        String run = UUID.randomUUID().toString();
        try (Connection relayHeld = dataSource.getConnection(); Statement sql = relayHeld.createStatement()) {
            // the relay would publish the unpublished row at once; holding its lock keeps it waiting, as when Kafka is down
            sql.execute("SELECT pg_advisory_lock(" + OutboxRelay.RELAY_LOCK + ")");
            try {
                // the oldest positions, as old rows have: the purge reads the outbox from its oldest positions
                insertOutbox(-3, run, "now() - interval '40 days'", "now() - interval '8 days'");
                insertOutbox(-2, run, "now() - interval '8 days'", "now() - interval '6 days'");
                insertOutbox(-1, run, "now() - interval '40 days'", "NULL");

                retention.run();

                assertThat(sql("SELECT position FROM outbox WHERE subject = ?1 ORDER BY position", run))
                        .as("the row published 8 days ago went; the one published 6 days ago and the unpublished one stayed")
                        .containsExactly(-2L, -1L);
            } finally {
                sql("DELETE FROM outbox WHERE subject = ?1", run);
                sql.execute("SELECT pg_advisory_unlock(" + OutboxRelay.RELAY_LOCK + ")");
            }
        }
    }

    @Test
    void shouldPurgeProcessedEventsAfterThirtyDaysInSeveralBatches() {
        String consumer = "retention-test-" + UUID.randomUUID();
        processed(consumer, 2_500, "now() - interval '31 days'");
        processed(consumer, 3, "now() - interval '29 days'");

        assertThat(retention.run()).containsEntry("processed_event", 2_500L);

        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = ?1", consumer)).isEqualTo(3);
    }

    @Test
    void shouldPurgeIdempotencyKeysAfterThirtyDaysAndKeepTheDeals() {
        UUID caller = UUID.randomUUID();
        sql("""
                INSERT INTO idempotency_key (caller_id, idem_key, request_sha256, deal_id, created_at)
                VALUES (?1, 'old', 'sha', gen_random_uuid(), now() - interval '31 days'),
                       (?1, 'young', 'sha', gen_random_uuid(), now() - interval '29 days')""", caller);

        assertThat(retention.run()).containsKey("idempotency_key");

        assertThat(sql("SELECT idem_key FROM idempotency_key WHERE caller_id = ?1", caller)).containsExactly("young");
    }

    @Test
    void shouldSkipRowsAnotherTransactionHoldsInsteadOfWaitingForThem() throws Exception {
        String consumer = "retention-test-" + UUID.randomUUID();
        processed(consumer, 20, "now() - interval '40 days'");
        try (Connection holder = dataSource.getConnection(); Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.execute("SELECT * FROM processed_event WHERE consumer = '" + consumer + "' ORDER BY event_id LIMIT 1 FOR UPDATE");

            long began = System.nanoTime();
            long purged = purger.purge(retention.rule("processed_event"), Duration.ofDays(30), 1_000);

            assertThat(Duration.ofNanos(System.nanoTime() - began)).as("a purge never waits for a lock").isLessThan(Duration.ofSeconds(1));
            assertThat(purged).isEqualTo(19);
            holder.rollback();
        }
        assertThat(retention.run()).containsEntry("processed_event", 1L);
    }

    @Test
    void shouldDeleteEveryOldRowOnceWhenTwoInstancesPurgeAtOnce() throws Exception {
        String consumer = "retention-test-" + UUID.randomUUID();
        processed(consumer, 3_000, "now() - interval '40 days'");
        PurgeRule rule = retention.rule("processed_event");
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> purges = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                purges.add(instances.submit(() -> purger.purge(rule, Duration.ofDays(30), 100)));
            }
            long total = 0;
            for (Future<Long> purge : purges) {
                total += purge.get();
            }
            assertThat(total).isEqualTo(3_000);
        } finally {
            instances.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = ?1", consumer)).isZero();
    }

    private static void insertOutbox(long position, String subject, String occurredAt, String publishedAt) {
        sql(("INSERT INTO outbox (position, event_id, topic, event_key, event_type, subject, sequence, occurred_at, payload, published_at)"
                + " VALUES (?1, gen_random_uuid(), 'test.retention.v1', ?2, 'org.iprharbor.test.retention.v1', ?2, 0, %s, '{}', %s)")
                .formatted(occurredAt, publishedAt), position, subject);
    }

    private static void processed(String consumer, int rows, String processedAt) {
        sql(("INSERT INTO processed_event (consumer, event_id, processed_at) SELECT ?1, gen_random_uuid(), %s"
                + " FROM generate_series(1, ?2)").formatted(processedAt), consumer, rows);
    }

    private static long count(String query, Object... parameters) {
        return ((Number) sql(query, parameters).get(0)).longValue();
    }

    /** Runs a statement in its own transaction; a query's first column, or nothing for an update. */
    private static List<Object> sql(String statement, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Deal.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            if (!statement.stripLeading().startsWith("SELECT")) {
                query.executeUpdate();
                return List.of();
            }
            List<Object> rows = new ArrayList<>();
            for (Object row : query.getResultList()) {
                rows.add(row instanceof Object[] columns ? columns[0] : row);
            }
            return rows;
        });
    }
}
