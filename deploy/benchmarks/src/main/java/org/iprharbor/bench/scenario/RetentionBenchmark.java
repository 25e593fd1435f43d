package org.iprharbor.bench.scenario;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.report.SvgChart;
import org.iprharbor.stack.StackConfig;

import static org.iprharbor.bench.report.Report.number;

/**
 * Issue 18's retention aim: under steady load the purged tables stay flat. Offers (each with an Idempotency-Key) at
 * {@code HARBOR_BENCH_RETENTION_RATE}/s (default 20) for {@code HARBOR_BENCH_RETENTION_MINUTES} (default 10, 3 with --quick),
 * against a stack whose every max-age is {@code HARBOR_BENCH_RETENTION_MAX_AGE} (default 60 s) and whose purge runs every
 * 10 s, so rows age within the run. Not part of the full suite (those settings would change every other figure):
 * {@code deploy/benchmarks/run --only retention}.
 */
public final class RetentionBenchmark implements Benchmark {

    /** What the stack's databases hold that retention purges (delivery_attempt goes with its delivery). */
    static final Map<String, List<String>> TABLES = tables();
    private static final List<String> PURGED_TABLES = List.of("outbox", "processed_event", "idempotency_key", "event_log",
            "delivery", "inbox_item", "match_notice", "match_found");
    private static final Duration PURGE_EVERY = Duration.ofSeconds(10);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    /** The first minute's offers count for the tables, not for the latency (a fresh stack is still compiling). */
    private static final Duration WARM_UP = Duration.ofMinutes(1);
    private static final Pattern PURGED = Pattern.compile("^harbor_retention_purged_total\\{[^}]*table=\"([^\"]+)\"[^}]*} (\\S+)", Pattern.MULTILINE);

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public boolean inFullSuite() {
        return false;
    }

    /** JVM options for every service of this part's stack: every table's max-age short, the purge frequent. */
    public static String serviceOptions() {
        String maxAge = maxAge().toSeconds() + "s";
        return "-Dharbor.retention.every=" + PURGE_EVERY.toSeconds() + "s -Dharbor.retention.first-run-after=" + PURGE_EVERY.toSeconds()
                + "s " + PURGED_TABLES.stream().map(table -> "-Dharbor.retention." + table + ".max-age=" + maxAge)
                        .collect(Collectors.joining(" "));
    }

    @Override
    public void run(BenchContext context) throws Exception {
        double rate = Double.parseDouble(env("HARBOR_BENCH_RETENTION_RATE", "20"));
        Duration length = Duration.ofMinutes(Long.parseLong(env("HARBOR_BENCH_RETENTION_MINUTES", context.settings().quick() ? "3" : "10")));
        OfferWorkload offers = OfferWorkload.from(context.stack());
        Map<String, Double> purgedBefore = purgedRows(context);
        LoadResult load;
        List<TableGrowth> growth;
        try (TableSampler sampler = TableSampler.start(context.stack(), TABLES, SAMPLE_EVERY)) {
            load = context.load("retention", new LoadProfile(rate, Duration.ofSeconds(2), WARM_UP, length.minus(WARM_UP)),
                    n -> context.http().sendAsync(HttpRequest.newBuilder(offers.offer(n), (name, value) -> true)
                            .header("Idempotency-Key", "retention-" + n).build()));
            growth = sampler.finish();
        }
        Map<String, Double> purged = purgedRows(context);
        purgedBefore.forEach((table, before) -> purged.merge(table, -before, Double::sum));
        report(context, rate, length, load, growth, purged);
    }

    private static void report(BenchContext context, double rate, Duration length, LoadResult load, List<TableGrowth> growth,
            Map<String, Double> purged) {
        Report report = context.report();
        List<TableGrowth> active = growth.stream().filter(table -> table.changed() || purged.getOrDefault(table.name(), 0.0) > 0).toList();
        List<List<String>> rows = new ArrayList<>();
        SvgChart rowsChart = new SvgChart("Rows of each purged table under steady load", "seconds", "rows");
        SvgChart bytesChart = new SvgChart("Size on disk with indexes", "seconds", "MB");
        for (TableGrowth table : active) {
            Double deleted = purged.get(table.name());
            long left = table.samples().get(table.samples().size() - 1).rows();
            rows.add(List.of(table.name(), count(table.middleRows()), count(table.lastRows()), mb(table.middleBytes()),
                    mb(table.lastBytes()), deleted == null ? "– (with its delivery)" : count(left + deleted.longValue()),
                    table.flat() ? "yes" : "**no**"));
            rowsChart.add(table.name(), table.samples().stream().map(s -> new double[] { s.seconds(), s.rows() }).toList());
            bytesChart.add(table.name(), table.samples().stream().map(s -> new double[] { s.seconds(), s.bytes() / 1e6 }).toList());
            report.result("retention_rows_last_third", table.name(), table.lastRows());
            report.result("retention_mb_last_third", table.name(), table.lastBytes() / 1e6);
            if (deleted != null) {
                report.result("retention_rows_added", table.name(), left + deleted);
            }
        }
        long flat = active.stream().filter(TableGrowth::flat).count();
        report.result("retention_tables_flat", flat);
        report.result("retention_tables_measured", active.size());
        report.aim("Purged tables flat over a long run (max-age " + maxAge().toSeconds() + " s, " + length.toMinutes() + " min at "
                + number(rate) + " offers/s)", "every table", flat + " of " + active.size(), flat == active.size() && !active.isEmpty(),
                active.stream().filter(table -> !table.flat()).map(TableGrowth::name).collect(Collectors.joining(", ")));
        report.section("""
                ## Retention: purged tables stay flat
                %s offers/s for %d minutes, each with an `Idempotency-Key`, against a stack started with every max-age at %d s
                and the purge every %d s (the shipped max-ages are days: [docs/retention.md](retention.md)). Every %d s the
                harness counted each purged table's rows and measured its size on disk with indexes; the table compares the
                highest sample of the middle third of the run with that of the last third (flat: at most %d %% more, or a
                few pages), for every table whose rows changed during the run. *Rows added* is what the table would hold at
                the end without retention: the rows left plus the rows the services' `harbor_retention_purged_total`
                counted during the run.

                %s

                Not fed by offers (no rows came or went during the run): %s.

                %s

                %s

                Offers after the first minute: p50 %s ms, p99 %s ms, %d errors.
                """.formatted(number(rate), length.toMinutes(), maxAge().toSeconds(), PURGE_EVERY.toSeconds(), SAMPLE_EVERY.toSeconds(),
                (int) (TableGrowth.TOLERANCE * 100), Report.table(List.of("table", "rows, middle third", "rows, last third",
                        "MB, middle third", "MB, last third", "rows added in the run", "flat"), rows),
                growth.stream().filter(table -> !active.contains(table)).map(TableGrowth::name).collect(Collectors.joining(", ")),
                report.chart("retention-rows.svg", rowsChart), report.chart("retention-mb.svg", bytesChart),
                number(load.percentileMillis(50)), number(load.percentileMillis(99)), load.errors()));
    }

    /** {@code harbor_retention_purged_total} of every service, by database and table. */
    private static Map<String, Double> purgedRows(BenchContext context) throws Exception {
        Map<String, Double> purged = new LinkedHashMap<>();
        for (StackConfig.ServiceSpec service : context.stack().config().services()) {
            HttpResponse<String> metrics = context.http().sendAsyncForBody(HttpRequest.newBuilder(
                    context.stack().url(service.name(), "/q/metrics")).build()).toCompletableFuture().get();
            Matcher counter = PURGED.matcher(metrics.body());
            while (counter.find()) {
                purged.merge(service.database() + "." + counter.group(1), Double.parseDouble(counter.group(2)), Double::sum);
            }
        }
        return purged;
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("deal", List.of("outbox", "processed_event", "idempotency_key"));
        tables.put("catalog", List.of("outbox", "processed_event"));
        tables.put("notification", List.of("outbox", "processed_event", "event_log", "delivery", "delivery_attempt", "inbox_item",
                "match_notice", "match_found"));
        return tables;
    }

    private static Duration maxAge() {
        return Duration.ofSeconds(Long.parseLong(env("HARBOR_BENCH_RETENTION_MAX_AGE", "60")));
    }

    private static String count(long rows) {
        return String.format("%,d", rows);
    }

    private static String mb(long bytes) {
        return String.format("%.2f", bytes / 1e6);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
