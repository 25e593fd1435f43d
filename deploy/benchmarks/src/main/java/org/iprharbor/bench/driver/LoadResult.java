package org.iprharbor.bench.driver;

import org.HdrHistogram.Histogram;

/**
 * What the measured window of one run gave: achieved throughput, errors, and latency percentiles measured
 * from each request's intended send time (so a stall counts against every request it delayed).
 */
public record LoadResult(String name, double targetRate, long completed, long errors, double seconds,
        Histogram latencyMicros, long maxSendLagMicros) {

    public double throughput() {
        return completed / seconds;
    }

    /** Latency at a percentile, in milliseconds. */
    public double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
    }

    /** True if every request succeeded and the 99th percentile stayed within the bound. */
    public boolean holds(double p99BoundMillis) {
        return errors == 0 && completed > 0 && percentileMillis(99) <= p99BoundMillis;
    }

    public String summary() {
        return String.format("%s @ %.0f/s: %.0f/s done, %d errors, p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f ms",
                name, targetRate, throughput(), errors, percentileMillis(50), percentileMillis(90), percentileMillis(99),
                percentileMillis(99.9), maxMillis());
    }
}
