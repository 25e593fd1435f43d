package org.iprharbor.bench.driver;

import java.time.Duration;

/**
 * When an open-model run sends its requests: the rate climbs linearly from zero to {@code rate} during
 * {@code rampUp}, then holds; requests intended before {@code rampUp + warmUp} are sent but not measured,
 * the {@code steady} phase after them is. Pure arithmetic, so the schedule can be tested without a clock.
 */
public record LoadProfile(double rate, Duration rampUp, Duration warmUp, Duration steady) {

    public LoadProfile {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
    }

    /** Nanoseconds after the start at which request {@code n} (from 0) is meant to be sent. */
    public long intendedNanos(long n) {
        double rampSeconds = seconds(rampUp);
        double rampRequests = rate * rampSeconds / 2; // area under the linear ramp
        double at;
        if (n < rampRequests) {
            at = Math.sqrt(2 * rampSeconds * n / rate); // inverse of count(t) = rate t² / (2 rampUp)
        } else {
            at = rampSeconds + (n - rampRequests) / rate;
        }
        return (long) (at * 1e9);
    }

    /** Where the measured window starts. */
    public long measuredFromNanos() {
        return rampUp.plus(warmUp).toNanos();
    }

    /** Where the run ends: nothing is scheduled at or after this. */
    public long endNanos() {
        return rampUp.plus(warmUp).plus(steady).toNanos();
    }

    public boolean measured(long intendedNanos) {
        return intendedNanos >= measuredFromNanos() && intendedNanos < endNanos();
    }

    public LoadProfile withRate(double newRate) {
        return new LoadProfile(newRate, rampUp, warmUp, steady);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
