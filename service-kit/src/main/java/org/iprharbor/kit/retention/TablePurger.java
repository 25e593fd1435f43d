package org.iprharbor.kit.retention;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Deletes one table's old rows batch by batch, each batch its own short transaction, until a batch comes back short.
 * Nothing is held between batches, so a purge of millions of rows never blocks the service's own work for longer
 * than one batch, and a stop lets it end after the batch in hand.
 */
@ApplicationScoped
public class TablePurger {

    /** Metric: rows deleted, per table. */
    static final String PURGED = "harbor.retention.purged";
    /** Upper bound of one batch's transaction; a thousand rows by key take milliseconds. */
    private static final int BATCH_TIMEOUT_SECONDS = 60;

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final MeterRegistry metrics;
    private volatile boolean stopping;

    TablePurger(EntityManager entityManager, RetentionConfig config, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** Deletes the rule's rows older than {@code maxAge}; returns how many it deleted. */
    public long purge(PurgeRule rule, Duration maxAge, int batchSize) {
        long purged = 0;
        while (!stopping) {
            int deleted = QuarkusTransaction.requiringNew().timeout(BATCH_TIMEOUT_SECONDS)
                    .call(() -> deleteBatch(rule, maxAge, batchSize));
            purged += deleted;
            metrics.counter(PURGED, "table", rule.table()).increment(deleted);
            if (deleted < batchSize) {
                break;
            }
            pause();
        }
        return purged;
    }

    /** The table's size on disk with its indexes and TOAST data. */
    public long sizeInBytes(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT pg_total_relation_size(CAST(?1 AS regclass))")
                .setParameter(1, table).getSingleResult()).longValue());
    }

    private int deleteBatch(PurgeRule rule, Duration maxAge, int batchSize) {
        entityManager.createNativeQuery("SELECT set_config('lock_timeout', ?1, true)")
                .setParameter(1, config.lockTimeout().toMillis() + "ms").getSingleResult();
        return entityManager.createNativeQuery(rule.deleteBatch())
                .setParameter(1, maxAge.toMillis() / 1000.0)
                .setParameter(2, batchSize)
                .executeUpdate();
    }

    private void pause() {
        try {
            Thread.sleep(config.pauseBetweenBatches().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
