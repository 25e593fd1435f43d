package org.iprharbor.bench.driver;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

/**
 * An open-model load driver: request {@code n} is sent at its scheduled time whatever earlier requests are
 * doing, and its latency runs from that scheduled time. One thread keeps the schedule; answers complete on the
 * sender's own threads. Past {@code maxInFlight} outstanding requests the system has clearly fallen behind:
 * further requests count as errors instead of piling up without bound.
 */
public final class OpenLoopDriver {

    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final int maxInFlight;
    private final Duration drain;
    private final Consumer<String> progress;

    /** @param drain how long to wait for the last answers after the schedule ends; later ones are errors */
    public OpenLoopDriver(int maxInFlight, Duration drain, Consumer<String> progress) {
        this.maxInFlight = maxInFlight;
        this.drain = drain;
        this.progress = progress;
    }

    public LoadResult run(String name, LoadProfile profile, RequestSender sender) throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder(profile);
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong maxSendLag = new AtomicLong();
        long start = System.nanoTime();
        long nextProgress = PROGRESS_EVERY_NANOS;
        for (long n = 0;; n++) {
            long intended = profile.intendedNanos(n);
            if (intended >= profile.endNanos()) {
                break;
            }
            long now = waitUntil(start, intended);
            if (now - intended > maxSendLag.get() && profile.measured(intended)) {
                maxSendLag.set(now - intended);
            }
            if (now >= nextProgress) {
                report(name, profile, recorder, now);
                nextProgress += PROGRESS_EVERY_NANOS;
            }
            if (!inFlight.tryAcquire()) {
                recorder.record(intended, now, Outcome.ERROR);
                continue;
            }
            send(sender, n, intended, start, recorder, inFlight);
        }
        long unanswered = 0;
        if (!inFlight.tryAcquire(maxInFlight, drain.toNanos(), TimeUnit.NANOSECONDS)) {
            unanswered = maxInFlight - inFlight.availablePermits();
            progress.accept(name + ": " + unanswered + " requests unanswered after " + drain.toSeconds() + " s (counted as errors)");
        }
        double seconds = (profile.endNanos() - profile.measuredFromNanos()) / 1e9;
        return new LoadResult(name, profile.rate(), recorder.completed(), recorder.errors() + unanswered,
                seconds, recorder.total(), maxSendLag.get() / 1000);
    }

    private static void send(RequestSender sender, long n, long intended, long start, LatencyRecorder recorder,
            Semaphore inFlight) {
        try {
            sender.send(n).whenComplete((outcome, failure) -> {
                recorder.record(intended, System.nanoTime() - start, failure == null ? outcome : Outcome.ERROR);
                inFlight.release();
            });
        } catch (RuntimeException e) {
            recorder.record(intended, System.nanoTime() - start, Outcome.ERROR);
            inFlight.release();
        }
    }

    /** Parks until the intended time (relative to start); returns the time it woke, relative to start. */
    private static long waitUntil(long start, long intended) {
        long now;
        while ((now = System.nanoTime() - start) < intended) {
            LockSupport.parkNanos(intended - now);
        }
        return now;
    }

    private void report(String name, LoadProfile profile, LatencyRecorder recorder, long now) {
        Histogram interval = recorder.interval();
        String phase = now < profile.rampUp().toNanos() ? "ramp-up"
                : now < profile.measuredFromNanos() ? "warm-up" : "steady";
        progress.accept(String.format("  %s %.0f/s %-7s t=%3.0fs  ok %d err %d  last 5 s: p50 %.1f p99 %.1f max %.1f ms",
                name, profile.rate(), phase, now / 1e9, recorder.completed(), recorder.errors(),
                interval.getValueAtPercentile(50) / 1000.0, interval.getValueAtPercentile(99) / 1000.0,
                interval.getMaxValue() / 1000.0));
    }
}
