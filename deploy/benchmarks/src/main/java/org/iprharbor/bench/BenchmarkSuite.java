package org.iprharbor.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.common.utils.AppInfoParser;

import org.iprharbor.bench.report.Machine;
import org.iprharbor.bench.report.Report;
import org.iprharbor.bench.scenario.BenchContext;
import org.iprharbor.bench.scenario.Benchmark;
import org.iprharbor.bench.scenario.CostBenchmark;
import org.iprharbor.bench.scenario.DeliveryDrainBenchmark;
import org.iprharbor.bench.scenario.EventLagBenchmark;
import org.iprharbor.bench.scenario.FanoutBenchmark;
import org.iprharbor.bench.scenario.FootprintBenchmark;
import org.iprharbor.bench.scenario.MatchingBenchmark;
import org.iprharbor.bench.scenario.OfferBenchmark;
import org.iprharbor.bench.scenario.OffersAloneBenchmark;
import org.iprharbor.bench.scenario.RelayBenchmark;
import org.iprharbor.bench.scenario.RetentionBenchmark;
import org.iprharbor.bench.scenario.SearchBenchmark;
import org.iprharbor.bench.stack.BenchStack;
import org.iprharbor.bench.stack.Http;
import org.iprharbor.stack.LocalStack;

/**
 * Runs the benchmark suite against a freshly started local stack and writes docs/benchmarks.md with its charts.
 * Usage: {@code BenchmarkSuite [--quick] [--with-1m] [--only <name>[,<name>…]]}; started by {@code deploy/benchmarks/run}.
 */
public final class BenchmarkSuite {

    private static final List<Benchmark> ALL = List.of(new OfferBenchmark(), new EventLagBenchmark(), new RelayBenchmark(),
            new SearchBenchmark(), new FanoutBenchmark(), new FootprintBenchmark(), new CostBenchmark(), new DeliveryDrainBenchmark(),
            new MatchingBenchmark(), new OffersAloneBenchmark(), new RetentionBenchmark());

    private BenchmarkSuite() {
    }

    public static void main(String[] args) {
        try {
            run(parse(args), String.join(" ", args));
            System.exit(0); // Kafka client threads are not daemons
        } catch (Exception e) {
            e.printStackTrace();
            System.err.println("The benchmark suite failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Settings settings, String arguments) throws Exception {
        long began = System.nanoTime();
        ZonedDateTime startedAt = ZonedDateTime.now(ZoneOffset.UTC);
        Report report = new Report();
        Machine machine;
        if (settings.only().contains("retention")) {
            // rows must age within the run: every service purges what is a minute old, every 10 s
            System.setProperty(LocalStack.SERVICE_JVM_OPTIONS, RetentionBenchmark.serviceOptions());
        }
        try (BenchStack stack = BenchStack.start(); Http http = new Http()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop")); // Ctrl-C, kill -TERM
            try (Connection deal = stack.database("deal")) {
                machine = Machine.describe(deal, AppInfoParser.getVersion());
                report.result("measured_at", startedAt.toString());
                report.result("load_average_at_start", machine.loadAverageAtStart());
            }
            BenchContext context = new BenchContext(stack, http, settings, report);
            for (Benchmark benchmark : ALL) {
                if (settings.runs(benchmark)) {
                    BenchContext.progress("== " + benchmark.name());
                    benchmark.run(context);
                }
            }
        }
        double minutes = (System.nanoTime() - began) / 60e9;
        // A partial run (--only) must not replace the full report: it goes beside the build output instead.
        Path docs = settings.only().isEmpty() ? Path.of("docs") : Path.of("deploy/benchmarks/target/report");
        report.write(docs, Header.of(settings, machine, startedAt, minutes, arguments), Header.FOOTER);
        BenchContext.progress(String.format("Wrote %s and its charts in %.1f minutes.", docs.resolve("benchmarks.md"), minutes));
    }

    private static Settings parse(String[] args) {
        boolean quick = false;
        boolean millionPatents = false;
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--with-1m" -> millionPatents = true;
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("usage: run [--quick] [--with-1m] [--only offers,lag,relay,search,fanout,footprint,cost,drain,matching,offers-alone,retention]");
            }
        }
        Set<String> names = new LinkedHashSet<>(ALL.stream().map(Benchmark::name).toList());
        if (!names.containsAll(only)) {
            throw new IllegalArgumentException("--only takes " + names + ", not " + only);
        }
        return Settings.of(quick, millionPatents, only);
    }

    static String stamp(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    }
}
