package org.iprharbor.bench.scenario;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.report.Report;
import org.iprharbor.stack.ManagedProcess;

import static org.iprharbor.bench.report.Report.number;

/**
 * Item 1 again with deal-service's downstream consumers paused (SIGSTOP to catalog-service and
 * notification-service): the offer path itself, its HTTP handling, transaction and outbox relay to Kafka, against
 * the same pgbench ceiling, without the two emails and read-model updates each offer sets off competing for the
 * same cores. Runs last: the paused services catch up after it, which would disturb anything measured later.
 */
public final class OffersAloneBenchmark implements Benchmark {

    private static final List<String> DOWNSTREAM = List.of("catalog-service", "notification-service");

    @Override
    public String name() {
        return "offers-alone";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        OfferWorkload offers = OfferWorkload.from(context.stack());
        List<ManagedProcess> paused = DOWNSTREAM.stream().map(name -> context.stack().localStack().faults().service(name)).toList();
        Map<Double, LoadResult> probes = new TreeMap<>();
        double max;
        paused.forEach(ManagedProcess::pause);
        try {
            max = OfferBenchmark.search(context, "offer-alone", 50, 5_000, n -> context.http().sendAsync(offers.offer(n)), probes);
        } finally {
            paused.forEach(ManagedProcess::resume);
        }
        report(context, max, probes);
    }

    private static void report(BenchContext context, double max, Map<Double, LoadResult> probes) {
        Report report = context.report();
        report.result("deal_alone_offers_per_s", max);
        String ratio = context.pgbenchRate().isPresent()
                ? String.format("%.2f ×", max / context.pgbenchRate().getAsDouble()) : "– (run `offers` too for pgbench)";
        report.aim("Durable offers, deal-service alone (its consumers paused), vs. pgbench", "≥ 0.6 ×",
                number(max) + "/s = " + ratio,
                context.pgbenchRate().isPresent() && max / context.pgbenchRate().getAsDouble() >= 0.6, "");
        String chart = report.chart("offer-alone-latency-vs-rate.svg",
                OfferBenchmark.latencyChart("POST /deals, consumers paused: latency vs. offered rate", probes));
        report.section("""
                ## 8. The offer path alone
                Section 1's rate search again, with catalog-service and notification-service paused (SIGSTOP) while it ran, so
                the cores serve only the offer path: HTTP, the JWT check, the offer's transaction and the outbox relay to Kafka
                (acks=all). This is the figure to hold against pgbench's ceiling; section 1 is what the whole platform sustains.

                | what | max rate (requests/s) | vs. pgbench |
                |---|---|---|
                | POST /deals, consumers paused | %s | %s |

                %s

                %s
                """.formatted(number(max), ratio, chart, OfferBenchmark.probeTable(probes)));
    }
}
