package org.iprharbor.bench.scenario;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iprharbor.bench.Settings;
import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.driver.RateSearch;
import org.iprharbor.bench.driver.RequestSender;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.report.SvgChart;

import static org.iprharbor.bench.report.Report.number;

/**
 * Items 1 and 2: the highest rate of durable offers (POST /deals, committed with their outbox row) that keeps
 * p99 within the bound with no errors, beside the HTTP ceiling (GET /ping on the same service) and the database
 * ceiling (pgbench running the offer's transaction); then latency at 50 % and 80 % of that rate.
 */
public final class OfferBenchmark implements Benchmark {

    /** The deal-service connection pool (service-kit's quarkus.datasource.jdbc.max-size). */
    static final int POOL_SIZE = 20;

    @Override
    public String name() {
        return "offers";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Settings settings = context.settings();
        OfferWorkload offers = OfferWorkload.from(context.stack());
        URI ping = context.stack().url("deal-service", "/ping");
        HttpRequest pingRequest = HttpRequest.newBuilder(ping).GET().build();

        Map<Double, LoadResult> pingProbes = new TreeMap<>();
        double pingMax = search(context, "ping", 500, 20_000, n -> context.http().sendAsync(pingRequest), pingProbes);
        Map<Double, LoadResult> offerProbes = new TreeMap<>();
        double offerMax = search(context, "offer", 50, 5_000, n -> context.http().sendAsync(offers.offer(n)), offerProbes);
        context.maxOfferRate(offerMax);

        BenchContext.progress("pgbench: the offer transaction with " + POOL_SIZE + " clients");
        int pgbenchSeconds = (int) Math.max(5, settings.latencySteady().toSeconds() / 2);
        PgbenchBaseline.Result pgbench = PgbenchBaseline.run(context.stack(), POOL_SIZE, pgbenchSeconds,
                Path.of("deploy/benchmarks/target/bench-work"));
        BenchContext.progress(String.format("  = pgbench %.0f transactions/s, average %.1f ms", pgbench.tps(), pgbench.latencyAverageMillis()));
        context.pgbenchRate(pgbench.tps());

        RequestSender offer = n -> context.http().sendAsync(offers.offer(n));
        LoadResult half = context.load("offer-50%", settings.steady(Math.max(1, Math.floor(offerMax * 0.5))), offer);
        OfferCpuProfile cpu = new OfferCpuProfile(context.stack());
        cpu.start();
        LoadResult eighty = context.load("offer-80%", settings.steady(Math.max(1, Math.floor(offerMax * 0.8))), offer);
        OfferCpuProfile.Result cpuPerOffer = cpu.finish();
        BenchContext.progress(String.format("  = CPU per offer across the stack: %.1f ms (%d offers; idle stack %.0f ms/s)",
                cpuPerOffer.total(), cpuPerOffer.offers(), cpuPerOffer.idleMillisPerSecond()));

        context.report().result("platform_cpu_ms_per_offer", cpuPerOffer.platform());
        context.report().result("platform_cpu_ms_per_offer_without_jit", cpuPerOffer.platformWithoutJit());
        context.report().result("harness_cpu_ms_per_offer", cpuPerOffer.total() - cpuPerOffer.platform());
        context.report().result("smtp_sink_cpu_ms_per_offer", cpuPerOffer.smtpSinkMillisPerOffer());
        context.report().result("platform_offers_per_s_p99_50ms", offerMax);
        context.report().result("pgbench_offer_tps", pgbench.tps());
        report(context.report(), settings, offers, pingMax, pingProbes, offerMax, offerProbes, pgbench, half, eighty, cpuPerOffer);
    }

    static double search(BenchContext context, String name, double start, double cap, RequestSender sender,
            Map<Double, LoadResult> probes) {
        double bound = context.settings().p99BoundMillis();
        double precision = context.settings().quick() ? 0.25 : 0.05;
        BenchContext.progress("rate search: " + name + " (p99 ≤ " + bound + " ms, no errors), after an unmeasured warm-up");
        try {
            Settings settings = context.settings();
            context.load(name + " warm-up", new LoadProfile(start / 5, settings.rampUp(), settings.warmUp().plus(settings.probeSteady()),
                    Duration.ZERO), sender);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double found = new RateSearch(start, cap, precision).find(rate -> {
            try {
                LoadResult result = context.load(name, context.settings().probe(rate), sender);
                probes.put(rate, result);
                return result.holds(bound);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        BenchContext.progress("  => " + name + ": " + found + " requests/s hold");
        return found;
    }

    private static void report(Report report, Settings settings, OfferWorkload offers, double pingMax,
            Map<Double, LoadResult> pingProbes, double offerMax, Map<Double, LoadResult> offerProbes,
            PgbenchBaseline.Result pgbench, LoadResult half, LoadResult eighty, OfferCpuProfile.Result cpu) {
        double toPgbench = offerMax / pgbench.tps();
        double toPing = offerMax / pingMax;
        report.aim("Durable offers vs. pgbench running the same transaction", "≥ 0.4 ×",
                number(offerMax) + " vs. " + number(pgbench.tps()) + "/s = " + String.format("%.2f ×", toPgbench),
                toPgbench >= 0.4, "");
        report.aim("CPU per offer, whole platform (services, PostgreSQL, Kafka)", "≤ 6 ms", String.format("%.1f ms", cpu.platform()),
                cpu.platform() <= 6, "");
        report.aim("Offers/s the whole platform sustains with p99 ≤ " + number(settings.p99BoundMillis()) + " ms", "≥ 250",
                number(offerMax) + "/s", offerMax >= 250, "");
        report.aim("Offer latency at 50 % of the max rate", "p99 ≤ 20 ms", number(half.percentileMillis(99)) + " ms",
                half.percentileMillis(99) <= 20 && half.errors() == 0, "");
        String chart = report.chart("offer-latency-vs-rate.svg", latencyChart("POST /deals: latency vs. offered rate", offerProbes));
        String pingChart = report.chart("ping-latency-vs-rate.svg", latencyChart("GET /ping: latency vs. offered rate", pingProbes));
        report.section("""
                ## 1. Offer submissions: the sustainable rate and its ceilings
                The highest rate, found by doubling then bisecting (steady probes of %s s, longer when needed for %,d measured
                requests, up to %s s; each after a %s-second ramp and %s-second warm-up), at which every request succeeded and
                p99 ≤ %s ms; latency measured from each request's intended send time. The whole stack runs meanwhile: every
                offer is also consumed by catalog-service and notification-service, which queue and send two emails. Offers are non-exclusive licences of FREE patents, round robin over %d (buyer, patent)
                pairs from the seed data, no Idempotency-Key; each one commits the deal, its history row and its outbox row.

                %s
                Ratios: offers / pgbench = **%.2f**, offers / no-op HTTP = **%.2f**.

                pgbench ran this transaction (`-M prepared -c %d -j 2 -T %d`, the rows copied from a real offer so they
                have its sizes):
                ```sql
                %s```
                %s
                %s

                **Where an offer's CPU goes** (the 80 %% load of section 2, %,d offers: CPU time from `/proc/<pid>/stat` over the
                load and until its emails were sent and the outboxes drained, less what each process spent idle over as long,
                measured just before; idle, the whole stack spends %s ms of CPU per second):

                %s
                With every process sharing %d cores, %s ms per offer means the stack saturates them at about **%s offers/s**
                even if nothing else ran; p99 ≤ %s ms holds only well below that, since a request waits for the cores whenever
                the downstream work of earlier offers holds them. deal-service alone, its consumers paused: section 8.

                ## 2. Latency under load
                %s
                """.formatted(settings.probeSteady().toSeconds(), settings.probeSamples(), settings.probeSteadyCap().toSeconds(),
                settings.rampUp().toSeconds(), settings.warmUp().toSeconds(), number(settings.p99BoundMillis()), offers.size(),
                Report.table(List.of("what", "max rate (requests/s)", "how"), List.of(
                        List.of("POST /deals (durable offer)", number(offerMax), "rate search, p99 ≤ " + number(settings.p99BoundMillis()) + " ms"),
                        List.of("GET /ping (no-op Quarkus REST on deal-service)", number(pingMax), "rate search, same bound; the HTTP ceiling"),
                        List.of("pgbench, the offer transaction, " + pgbench.clients() + " clients", number(pgbench.tps()),
                                "closed loop, average " + number(pgbench.latencyAverageMillis()) + " ms; the database ceiling"))),
                toPgbench, toPing, pgbench.clients(), Math.max(5, settings.latencySteady().toSeconds() / 2), pgbench.script(),
                chart, pingChart, cpu.offers(), number(cpu.idleMillisPerSecond()), cpu.table(), Runtime.getRuntime().availableProcessors(), number(cpu.total()),
                number(cpu.saturationRate(Runtime.getRuntime().availableProcessors())), number(settings.p99BoundMillis()),
                Report.table(List.of("load", "rate (/s)", "achieved (/s)", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"),
                        List.of(row("50 % of max", half), row("80 % of max", eighty)))
                        + "\n" + settings.latencySteady().toSeconds() + "-second steady phase each; every probe of the search:\n\n"
                        + probeTable(offerProbes)));
    }

    static List<String> row(String label, LoadResult result) {
        return List.of(label, number(result.targetRate()), number(result.throughput()), String.valueOf(result.errors()),
                number(result.percentileMillis(50)), number(result.percentileMillis(90)), number(result.percentileMillis(99)),
                number(result.percentileMillis(99.9)), number(result.maxMillis()));
    }

    static String probeTable(Map<Double, LoadResult> probes) {
        List<List<String>> rows = new ArrayList<>();
        probes.values().stream().sorted(Comparator.comparingDouble(LoadResult::targetRate))
                .forEach(result -> rows.add(row(result.name(), result)));
        return Report.table(List.of("probe", "rate (/s)", "achieved (/s)", "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"), rows);
    }

    static SvgChart latencyChart(String title, Map<Double, LoadResult> probes) {
        SvgChart chart = new SvgChart(title, "offered rate (requests/s)", "latency (ms, capped at 200)");
        for (double percentile : new double[] { 50, 99, 99.9 }) {
            List<double[]> points = new ArrayList<>();
            probes.forEach((rate, result) -> points.add(new double[] { rate, Math.min(200, result.percentileMillis(percentile)) }));
            chart.add("p" + (percentile == Math.rint(percentile) ? String.valueOf((int) percentile) : String.valueOf(percentile)), points);
        }
        return chart;
    }
}
