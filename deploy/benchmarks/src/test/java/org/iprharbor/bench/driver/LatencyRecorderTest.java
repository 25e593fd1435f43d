package org.iprharbor.bench.driver;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyRecorderTest {

    private static final long MS = 1_000_000L;
    private final LoadProfile profile = new LoadProfile(100, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1));

    @Test
    void shouldMeasureFromTheIntendedSendTimeAndSkipTheWarmUp() {
        LatencyRecorder recorder = new LatencyRecorder(profile);
        recorder.record(500 * MS, 510 * MS, Outcome.OK);             // warm-up: not measured
        recorder.record(1_000 * MS, 1_250 * MS, Outcome.OK);         // sent late: still 250 ms from its intended time
        recorder.record(1_010 * MS, 1_012 * MS, Outcome.ERROR);

        assertThat(recorder.completed()).isEqualTo(1);
        assertThat(recorder.errors()).isEqualTo(1);
        assertThat(recorder.total().getTotalCount()).isEqualTo(2);
        assertThat(recorder.total().getMaxValue()).isCloseTo(250_000L, within(250L));
    }

    @Test
    void shouldKeepIntervalsInTheTotal() {
        LatencyRecorder recorder = new LatencyRecorder(profile);
        recorder.record(1_000 * MS, 1_005 * MS, Outcome.OK);
        assertThat(recorder.interval().getTotalCount()).isEqualTo(1);
        recorder.record(1_100 * MS, 1_101 * MS, Outcome.OK);

        assertThat(recorder.interval().getTotalCount()).isEqualTo(1);
        assertThat(recorder.total().getTotalCount()).isEqualTo(2);
    }
}
