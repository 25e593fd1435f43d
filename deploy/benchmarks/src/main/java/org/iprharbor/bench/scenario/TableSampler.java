package org.iprharbor.bench.scenario;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.iprharbor.bench.stack.BenchStack;

/**
 * Looks at tables of the stack's databases at a fixed interval, from its own thread while the load runs: each
 * table's row count and its size on disk with indexes and TOAST data.
 */
final class TableSampler implements AutoCloseable {

    private final Map<String, List<String>> tables;
    private final Map<String, Connection> databases = new LinkedHashMap<>();
    private final Map<String, List<TableGrowth.Sample>> samples = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-table-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final long began = System.nanoTime();

    private TableSampler(Map<String, List<String>> tables) {
        this.tables = tables;
    }

    /** Starts sampling {@code tables} (by database) every {@code interval}, first at once. */
    static TableSampler start(BenchStack stack, Map<String, List<String>> tables, Duration interval) throws SQLException {
        TableSampler sampler = new TableSampler(tables);
        for (Map.Entry<String, List<String>> database : tables.entrySet()) {
            sampler.databases.put(database.getKey(), stack.database(database.getKey()));
            database.getValue().forEach(table -> sampler.samples.put(database.getKey() + "." + table, new ArrayList<>()));
        }
        sampler.timer.scheduleAtFixedRate(sampler::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** Stops after one last look; returns every table's samples. */
    List<TableGrowth> finish() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
        sampleQuietly();
        List<TableGrowth> growth = new ArrayList<>();
        tables.forEach((database, names) -> names.forEach(table ->
                growth.add(new TableGrowth(database, table, List.copyOf(samples.get(database + "." + table))))));
        return growth;
    }

    private synchronized void sampleQuietly() {
        double seconds = (System.nanoTime() - began) / 1e9;
        for (Map.Entry<String, List<String>> database : tables.entrySet()) {
            for (String table : database.getValue()) {
                try (Statement sql = databases.get(database.getKey()).createStatement();
                        ResultSet row = sql.executeQuery("SELECT count(*), pg_total_relation_size('" + table + "') FROM " + table)) {
                    row.next();
                    samples.get(database.getKey() + "." + table).add(new TableGrowth.Sample(seconds, row.getLong(1), row.getLong(2)));
                } catch (SQLException e) {
                    BenchContext.progress("  ! cannot sample " + database.getKey() + "." + table + ": " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        databases.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the stack is stopping anyway
            }
        });
    }
}
