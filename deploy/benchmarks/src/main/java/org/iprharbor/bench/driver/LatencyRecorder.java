package org.iprharbor.bench.driver;

import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records each measured request's latency from its intended send time (never from when it was actually sent,
 * which would hide the driver's or the server's stalls: coordinated omission), and counts errors.
 */
public final class LatencyRecorder {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final LoadProfile profile;
    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    public LatencyRecorder(LoadProfile profile) {
        this.profile = profile;
    }

    /** @param intendedNanos and {@code doneNanos} are on the same clock, relative to the run's start */
    public void record(long intendedNanos, long doneNanos, Outcome outcome) {
        if (!profile.measured(intendedNanos)) {
            return;
        }
        if (outcome == Outcome.OK) {
            completed.incrementAndGet();
        } else {
            errors.incrementAndGet();
        }
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, (doneNanos - intendedNanos) / 1000)));
    }

    /** The latencies recorded since the last call (for progress lines); they stay in the total too. */
    public synchronized Histogram interval() {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    public synchronized Histogram total() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    public long completed() {
        return completed.get();
    }

    public long errors() {
        return errors.get();
    }
}
