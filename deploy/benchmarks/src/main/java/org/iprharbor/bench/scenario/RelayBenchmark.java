package org.iprharbor.bench.scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.stack.BenchStack;

import static org.iprharbor.bench.report.Report.number;

/**
 * Item 4: deal-service's outbox relay draining a backlog (rows committed in one go, with a real offer's payload,
 * to a topic of their own so no consumer pays for them), beside Kafka's own ProducerPerformance sending as many
 * records of the same size with the relay's producer settings (acks=all, idempotent, linger.ms=1).
 */
public final class RelayBenchmark implements Benchmark {

    static final String RELAY_TOPIC = "bench.relay.v1";
    static final String PERF_TOPIC = "bench.producer-performance.v1";
    private static final Pattern PERF = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");
    private static final String SYNTHETIC_PAYLOAD = "{\"dealId\":\"00000000-0000-0000-0000-000000000000\",\"padding\":\"" + "x".repeat(600) + "\"}";

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        BenchStack stack = context.stack();
        int backlog = context.settings().relayBacklog();
        createTopics(stack.config().kafkaBootstrap());
        String payload = realPayload(stack);
        int recordSize = payload.getBytes(StandardCharsets.UTF_8).length;

        BenchContext.progress("relay: committing a backlog of " + backlog + " events (" + recordSize + "-byte payloads)");
        Drain drain;
        try (Connection deal = stack.database("deal")) {
            long committed = insertBacklog(deal, backlog, payload);
            drain = awaitDrained(deal, backlog, committed);
        }
        BenchContext.progress(String.format("  = relay: %,d events in %.2f s from commit (%.0f/s), %.2f s from its first batch (%.0f/s)",
                backlog, drain.fromCommitSeconds(), backlog / drain.fromCommitSeconds(), drain.fromFirstBatchSeconds(),
                backlog / drain.fromFirstBatchSeconds()));
        BenchContext.progress("ProducerPerformance: " + backlog + " records of " + recordSize + " bytes, acks=all");
        double[] perf = producerPerformance(stack.config().kafkaBootstrap(), backlog, recordSize);
        BenchContext.progress(String.format("  = ProducerPerformance: %.0f records/s", perf[0]));
        context.report().result("relay_records_per_s", backlog / drain.fromCommitSeconds());
        context.report().result("producer_perf_records_per_s", perf[0]);
        report(context.report(), backlog, recordSize, drain, perf);
    }

    record Drain(double fromCommitSeconds, double fromFirstBatchSeconds) {
    }

    private static void createTopics(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            for (String topic : List.of(RELAY_TOPIC, PERF_TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The payload of a real offer's event, so the records have the application's size. */
    private static String realPayload(BenchStack stack) throws Exception {
        try (Connection deal = stack.database("deal"); Statement sql = deal.createStatement();
                ResultSet row = sql.executeQuery("SELECT payload FROM outbox WHERE topic = 'harbor.deals.v1' ORDER BY position DESC LIMIT 1")) {
            return row.next() ? row.getString(1) : SYNTHETIC_PAYLOAD;
        }
    }

    /** Commits the backlog in one transaction; returns when it committed (System.nanoTime). */
    private static long insertBacklog(Connection deal, int count, String payload) throws Exception {
        deal.setAutoCommit(false);
        try (PreparedStatement insert = deal.prepareStatement("""
                INSERT INTO outbox (event_id, topic, event_key, event_type, subject, sequence, occurred_at, payload)
                SELECT gen_random_uuid(), ?, k, 'org.iprharbor.bench.backlog.v1', k, 0, now(), ?
                FROM (SELECT gen_random_uuid()::text AS k FROM generate_series(1, ?)) keys""")) {
            insert.setString(1, RELAY_TOPIC);
            insert.setString(2, payload);
            insert.setInt(3, count);
            insert.executeUpdate();
        }
        deal.commit();
        long committed = System.nanoTime();
        deal.setAutoCommit(true);
        return committed;
    }

    /** Watches the backlog shrink (every 20 ms) until it is gone. */
    private static Drain awaitDrained(Connection deal, int count, long committed) throws Exception {
        long firstBatch = 0;
        long deadline = committed + 600_000_000_000L;
        try (PreparedStatement pending = deal.prepareStatement(
                "SELECT count(*) FROM outbox WHERE published_at IS NULL AND topic = '" + RELAY_TOPIC + "'")) {
            while (System.nanoTime() < deadline) {
                long left;
                try (ResultSet row = pending.executeQuery()) {
                    row.next();
                    left = row.getLong(1);
                }
                long now = System.nanoTime();
                if (left < count && firstBatch == 0) {
                    firstBatch = now;
                }
                if (left == 0) {
                    return new Drain((now - committed) / 1e9, (now - firstBatch) / 1e9);
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the relay did not drain " + count + " events within 10 minutes");
    }

    /** Runs Kafka's ProducerPerformance in its own JVM; returns records/s and MB/s. */
    private static double[] producerPerformance(String bootstrap, int records, int recordSize) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ProducerPerformance", "--topic", PERF_TOPIC, "--num-records", String.valueOf(records),
                "--record-size", String.valueOf(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true", "linger.ms=1")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ProducerPerformance failed: " + output);
        }
        MatchResult last = null;
        Matcher matcher = PERF.matcher(output);
        while (matcher.find()) {
            last = matcher.toMatchResult();
        }
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no result: " + output);
        }
        return new double[] { Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)) };
    }

    private static void report(Report report, int backlog, int recordSize, Drain drain, double[] perf) {
        double relayRate = backlog / drain.fromCommitSeconds();
        double ratio = relayRate / perf[0];
        report.aim("Outbox relay vs. Kafka's ProducerPerformance", "≥ 0.8 ×",
                number(relayRate) + " vs. " + number(perf[0]) + " records/s = " + String.format("%.2f ×", ratio), ratio >= 0.8, "");
        report.section("""
                ## 4. Outbox relay throughput
                A backlog of %,d events (%d-byte payloads copied from a real `deal-opened` event, random keys, 8 CloudEvents
                headers each) committed into deal-service's outbox in one transaction, drained by its relay to a topic of
                their own (6 partitions); beside `org.apache.kafka.tools.ProducerPerformance` sending %,d records of %d bytes
                with the relay's producer settings (`acks=all enable.idempotence=true linger.ms=1`) in its own JVM.

                %s
                Ratio relay / ProducerPerformance: **%.2f**. The relay's figure includes reading each batch from PostgreSQL,
                waiting for every acknowledgement, and marking the batch published in the same transaction.
                """.formatted(backlog, recordSize, backlog, recordSize,
                Report.table(List.of("what", "records/s", "how measured"), List.of(
                        List.of("outbox relay, from commit", number(relayRate),
                                String.format("%.2f s from the backlog's commit until no row was unpublished (polled every 20 ms)", drain.fromCommitSeconds())),
                        List.of("outbox relay, from its first batch", number(backlog / drain.fromFirstBatchSeconds()),
                                String.format("%.2f s; excludes the wait for the relay's poll (no commit event wakes it)", drain.fromFirstBatchSeconds())),
                        List.of("Kafka ProducerPerformance", number(perf[0]), number(perf[1]) + " MB/s"))),
                ratio));
    }
}
