package org.iprharbor.bench.driver;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadProfileTest {

    private final LoadProfile profile = new LoadProfile(1000, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void shouldSpaceRequestsEvenlyAtTheTargetRateAfterTheRamp() {
        long rampRequests = 1000; // 1000/s × 2 s / 2
        long first = profile.intendedNanos(rampRequests + 10);
        long next = profile.intendedNanos(rampRequests + 11);

        assertThat(next - first).isCloseTo(1_000_000L, within(1_000L));
        assertThat(profile.intendedNanos(rampRequests)).isCloseTo(2_000_000_000L, within(1_000L));
    }

    @Test
    void shouldRampTheRateUpLinearly() {
        // half-way through the ramp a quarter of the ramp's requests have gone (count grows with t²)
        assertThat(profile.intendedNanos(250)).isCloseTo(1_000_000_000L, within(1_000L));
        long earlyGap = profile.intendedNanos(11) - profile.intendedNanos(10);
        long lateGap = profile.intendedNanos(901) - profile.intendedNanos(900);
        assertThat(earlyGap).isGreaterThan(3 * lateGap);
    }

    @Test
    void shouldMeasureOnlyTheSteadyPhase() {
        assertThat(profile.measured(Duration.ofMillis(2_999).toNanos())).isFalse();
        assertThat(profile.measured(Duration.ofMillis(3_000).toNanos())).isTrue();
        assertThat(profile.measured(Duration.ofMillis(7_999).toNanos())).isTrue();
        assertThat(profile.measured(Duration.ofMillis(8_000).toNanos())).isFalse();
    }
}
