package org.iprharbor.bench.scenario;

import java.time.Duration;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.driver.LoadResult;
import org.iprharbor.bench.report.Report;

import static org.iprharbor.bench.report.Report.number;

/**
 * CPU per offer at one fixed rate, without the rate search: the quick measurement to take before and after a change
 * to the cost of an event. The rate is {@code HARBOR_COST_RATE} offers/s (default 20, within what the whole platform
 * sustains) for {@code HARBOR_COST_SECONDS} (default 60), after {@code HARBOR_COST_WARMUP_SECONDS} (default 60) at the
 * same rate that are not counted (after 20 s of warm-up the figures were about twice those taken over a warm JIT).
 */
public final class CostBenchmark implements Benchmark {

    @Override
    public String name() {
        return "cost";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        double rate = Double.parseDouble(env("HARBOR_COST_RATE", "20"));
        Duration steady = Duration.ofSeconds(Long.parseLong(env("HARBOR_COST_SECONDS", "60")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(env("HARBOR_COST_WARMUP_SECONDS", "60")));
        OfferWorkload offers = OfferWorkload.from(context.stack());
        context.load("cost-warm-up", new LoadProfile(rate, Duration.ofSeconds(2), Duration.ZERO, warmUp),
                n -> context.http().sendAsync(offers.offer(n)));
        OfferCpuProfile cpu = new OfferCpuProfile(context.stack());
        cpu.start();
        LoadResult load = context.load("cost", new LoadProfile(rate, Duration.ofSeconds(1), Duration.ofSeconds(2), steady),
                n -> context.http().sendAsync(offers.offer(n)));
        OfferCpuProfile.Result result = cpu.finish();
        BenchContext.progress(String.format("  = CPU per offer: platform %.2f ms (%.2f without JIT compilation), with the harness"
                + " %.2f ms (%d offers; idle stack %.0f ms/s)", result.platform(), result.platformWithoutJit(), result.total(),
                result.offers(), result.idleMillisPerSecond()));
        result.millisPerOffer().forEach((process, millis) -> BenchContext.progress(String.format("    %-60s %6.2f ms (JIT %s)",
                process, millis, number(result.jitMillisPerOffer().getOrDefault(process, Double.NaN)))));
        Report report = context.report();
        report.result("cost_rate_offers_per_s", rate);
        report.result("cost_platform_cpu_ms_per_offer", result.platform());
        report.result("cost_platform_cpu_ms_per_offer_without_jit", result.platformWithoutJit());
        result.millisPerOffer().forEach((process, millis) -> report.result("cost_cpu_ms_per_offer", process, millis));
        report.section("""
                ## Cost per offer at %s offers/s
                %d offers over %d s at a fixed rate, after an unmeasured warm-up; CPU time of every process until the work
                the offers set off downstream was done, less its idle cost (%s ms/s for the whole stack).

                %s

                Latency at that rate: p50 %s ms, p99 %s ms, %d errors.
                """.formatted(number(rate), result.offers(), steady.toSeconds(), number(result.idleMillisPerSecond()),
                result.table(), number(load.percentileMillis(50)), number(load.percentileMillis(99)), load.errors()));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
