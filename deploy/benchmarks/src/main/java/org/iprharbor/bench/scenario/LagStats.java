package org.iprharbor.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import org.iprharbor.bench.stack.KafkaLagProbe.Sample;

/**
 * Lag samples of the events that happened within a window (by event time, so a slow phase cannot push its
 * events out of the window): their percentiles, and per second (for a lag-over-time chart).
 */
record LagStats(Histogram histogram, Map<Long, Histogram> perSecond) {

    static LagStats of(List<Sample> samples, long fromMillis, long toMillis) {
        Histogram all = new Histogram(3_600_000L, 3);
        Map<Long, Histogram> perSecond = new TreeMap<>();
        for (Sample sample : samples) {
            long happened = sample.arrivedMillis() - sample.lagMillis();
            if (happened >= fromMillis && happened < toMillis) {
                long lag = Math.max(0, Math.min(3_600_000L, sample.lagMillis()));
                all.recordValue(lag);
                perSecond.computeIfAbsent((happened - fromMillis) / 1000, s -> new Histogram(3_600_000L, 3)).recordValue(lag);
            }
        }
        return new LagStats(all, perSecond);
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
