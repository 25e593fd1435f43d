package org.iprharbor.kit.retention;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * How long each table keeps its rows, and how the purge goes about deleting the older ones (docs/retention.md).
 */
@ConfigMapping(prefix = "harbor.retention")
public interface RetentionConfig {

    /** How often the purge runs; {@code off} stops it (tests run it by hand). Read by {@link Retention}'s schedule. */
    @WithDefault("10m")
    String every();

    /** How long after start the first purge waits, so it stays out of the start's way. Read by the schedule too. */
    @WithDefault("1m")
    String firstRunAfter();

    /** Most rows one batch deletes: one short transaction, whose row locks no application transaction waits for. */
    @WithDefault("1000")
    int batchSize();

    /** Pause between two batches of a table, so a large backlog of old rows is deleted without hogging the database. */
    @WithDefault("20ms")
    Duration pauseBetweenBatches();

    /** A batch gives up rather than wait longer than this for a lock (say, a table lock taken by a migration). */
    @WithDefault("2s")
    Duration lockTimeout();

    /** Every table the service purges, by name: {@code harbor.retention.<table>.max-age}. */
    @WithParentName
    Map<String, Table> tables();

    /** One table's settings. */
    interface Table {

        /** Rows older than this go (each table says which of its columns tells a row's age). */
        Duration maxAge();

        /** This table's batch size, when it differs from {@code harbor.retention.batch-size}. */
        Optional<Integer> batchSize();
    }
}
