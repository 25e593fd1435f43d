package org.iprharbor.kit.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Purges every table the service declared a {@link PurgeRule} for of its rows older than the table's max-age, on a
 * schedule ({@code harbor.retention.every}), and writes one log line per run. Each instance runs it; their batches
 * skip each other's rows, so two instances share the work rather than wait on each other. Metrics:
 * {@code harbor_retention_purged_total{table}} and {@code harbor_retention_table_bytes{table}} (size after the last run).
 */
@ApplicationScoped
public class Retention {

    private static final String TABLE_BYTES = "harbor.retention.table.bytes";

    private final List<PurgeRule> rules;
    private final RetentionConfig config;
    private final TablePurger purger;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> sizes = new ConcurrentHashMap<>();

    Retention(@All List<PurgeRule> rules, RetentionConfig config, TablePurger purger, MeterRegistry metrics) {
        this.rules = rules.stream().sorted(Comparator.comparing(PurgeRule::table)).toList();
        this.config = config;
        this.purger = purger;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        Set<String> ignored = checkSettings(rules.stream().map(PurgeRule::table).toList(), config.tables().keySet());
        if (!ignored.isEmpty()) {
            Log.warnf("retention settings for %s ignored: this service purges only %s", ignored,
                    rules.stream().map(PurgeRule::table).toList());
        }
        for (PurgeRule rule : rules) {
            metrics.counter(TablePurger.PURGED, "table", rule.table());
            AtomicLong size = sizes.computeIfAbsent(rule.table(), table -> new AtomicLong());
            Gauge.builder(TABLE_BYTES, size, AtomicLong::get).tag("table", rule.table())
                    .description("Size on disk of a purged table with its indexes, after the last purge").register(metrics);
            measure(rule.table());
        }
    }

    @Scheduled(identity = "harbor-retention", every = "${harbor.retention.every}", delayed = "${harbor.retention.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        run();
    }

    /** Purges every table once; returns the rows deleted per table (a table whose purge failed is left out). */
    public synchronized Map<String, Long> run() {
        long began = System.nanoTime();
        Map<String, Long> purged = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (PurgeRule rule : rules) {
            RetentionConfig.Table settings = config.tables().get(rule.table());
            try {
                long deleted = purger.purge(rule, settings.maxAge(), settings.batchSize().orElse(config.batchSize()));
                purged.put(rule.table(), deleted);
                parts.add("%s=%d (max-age %s, %s)".formatted(rule.table(), deleted, text(settings.maxAge()), size(measure(rule.table()))));
            } catch (RuntimeException e) {
                // the next run tries again; the other tables need not wait for this one
                Log.warnf(e, "retention could not purge %s", rule.table());
                parts.add(rule.table() + " failed");
            }
        }
        Log.infof("retention purged %d rows in %d ms: %s", purged.values().stream().mapToLong(Long::longValue).sum(),
                (System.nanoTime() - began) / 1_000_000, String.join(", ", parts));
        return purged;
    }

    /** The rule of {@code table}, so a caller (a test, a second purger) can purge it alone. */
    public PurgeRule rule(String table) {
        return rules.stream().filter(rule -> rule.table().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no purge rule for " + table));
    }

    /**
     * Every table's rule has a max-age, or the start fails; returns the configured tables the service has no rule for
     * (a misspelt name, or settings shared by all services, such as the benchmark's), which it warns of.
     */
    static Set<String> checkSettings(List<String> declared, Set<String> configured) {
        Set<String> tables = new TreeSet<>(declared);
        if (tables.size() < declared.size()) {
            throw new IllegalStateException("two purge rules name the same table: " + declared);
        }
        Set<String> unset = new TreeSet<>(tables);
        unset.removeAll(configured);
        if (!unset.isEmpty()) {
            throw new IllegalStateException("no harbor.retention.<table>.max-age for " + unset + ", which this service purges");
        }
        Set<String> unknown = new TreeSet<>(configured);
        unknown.removeAll(tables);
        return unknown;
    }

    private long measure(String table) {
        try {
            long bytes = purger.sizeInBytes(table);
            sizes.get(table).set(bytes);
            return bytes;
        } catch (RuntimeException e) {
            Log.debugf("cannot measure the size of %s: %s", table, e.getMessage());
            return sizes.get(table).get();
        }
    }

    private static String size(long bytes) {
        return bytes < 1_000_000 ? bytes / 1000 + " kB" : String.format("%.1f MB", bytes / 1e6);
    }

    /** 30d, 12h, 90s: how the settings are usually written. */
    static String text(Duration duration) {
        if (duration.toSeconds() % 86_400 == 0) {
            return duration.toDays() + "d";
        }
        if (duration.toSeconds() % 3_600 == 0) {
            return duration.toHours() + "h";
        }
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
    }
}
