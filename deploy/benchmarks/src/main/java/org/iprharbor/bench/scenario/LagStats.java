package org.iprharbor.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import org.iprharbor.bench.stack.KafkaLagProbe.Sample;

/**
 * Lag samples within a window: their percentiles, and per second (for a lag-over-time chart).
 */
record LagStats(Histogram histogram, Map<Long, Histogram> perSecond, long firstSecond) {

    static LagStats of(List<Sample> samples, long fromMillis, long toMillis) {
        Histogram all = new Histogram(3_600_000L, 3);
        Map<Long, Histogram> perSecond = new TreeMap<>();
        for (Sample sample : samples) {
            if (sample.arrivedMillis() >= fromMillis && sample.arrivedMillis() < toMillis) {
                long lag = Math.max(0, Math.min(3_600_000L, sample.lagMillis()));
                all.recordValue(lag);
                perSecond.computeIfAbsent((sample.arrivedMillis() - fromMillis) / 1000, s -> new Histogram(3_600_000L, 3)).recordValue(lag);
            }
        }
        return new LagStats(all, perSecond, fromMillis / 1000);
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentile(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile);
    }

    double max() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue();
    }

    List<double[]> overTime(double percentile) {
        List<double[]> points = new ArrayList<>();
        perSecond.forEach((second, histogram) -> points.add(new double[] { second, histogram.getValueAtPercentile(percentile) }));
        return points;
    }
}
