package org.iprharbor.bench;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.iprharbor.bench.driver.LoadProfile;
import org.iprharbor.bench.scenario.Benchmark;

/**
 * How long and how big each part of the suite runs: the full suite (under 20 minutes on two cores) or
 * {@code --quick} (short probes and a small catalog, for developing the harness; its figures are rough).
 * {@code --with-1m} adds the 1M-patent catalog, whose generation alone takes minutes on two cores.
 */
public record Settings(boolean quick, Set<String> only, Duration rampUp, Duration warmUp, Duration probeSteady,
        Duration latencySteady, int relayBacklog, List<Integer> patentCounts, double p99BoundMillis, double searchRate, int naiveRepeats,
        int probeSamples, Duration probeSteadyCap) {

    public static Settings of(boolean quick, boolean millionPatents, Set<String> only) {
        List<Integer> catalogs = quick ? List.of(20_000) : millionPatents ? List.of(100_000, 1_000_000) : List.of(100_000);
        return quick
                ? new Settings(true, only, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3),
                        Duration.ofSeconds(5), 20_000, catalogs, 50, 5, 10, 200, Duration.ofSeconds(10))
                : new Settings(false, only, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(20), 100_000, catalogs, 50, 5, 30, 1_000, Duration.ofSeconds(60));
    }

    /**
     * A rate-search probe: short, since the search runs many of them, but long enough for {@code probeSamples}
     * measured requests (up to {@code probeSteadyCap}). With the 96 samples of an 8-second probe at 12/s, "p99" was
     * the slowest request, and one pause anywhere on the machine failed the probe (run of 30 Nov 18:42).
     */
    public LoadProfile probe(double rate) {
        Duration forSamples = Duration.ofMillis((long) Math.ceil(probeSamples * 1000 / rate));
        Duration steady = forSamples.compareTo(probeSteady) < 0 ? probeSteady
                : forSamples.compareTo(probeSteadyCap) > 0 ? probeSteadyCap : forSamples;
        return new LoadProfile(rate, rampUp, warmUp, steady);
    }

    /** A measurement at a fixed rate: longer, so its p99.9 means something. */
    public LoadProfile steady(double rate) {
        return new LoadProfile(rate, rampUp, warmUp, latencySteady);
    }

    public boolean runs(Benchmark benchmark) {
        return only.isEmpty() ? benchmark.inFullSuite() : only.contains(benchmark.name());
    }
}
