package org.iprharbor.kit.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    LatencyHistogramsTest() {
        registry.config().meterFilter(new LatencyHistograms().latencyBuckets());
    }

    @Test
    void shouldCountRequestsIntoTheObjectiveBuckets() {
        Timer requests = registry.timer("http.server.requests", "uri", "/deals");
        requests.record(Duration.ofMillis(30));
        requests.record(Duration.ofMillis(80));
        requests.record(Duration.ofMillis(700));

        CountAtBucket[] buckets = requests.takeSnapshot().histogramCounts();
        assertThat(Arrays.stream(buckets).mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS)).toArray())
                .containsExactly(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);
        assertThat(countAt(buckets, 25)).isZero();
        assertThat(countAt(buckets, 50)).isEqualTo(1);
        assertThat(countAt(buckets, 100)).isEqualTo(2);
        assertThat(countAt(buckets, 500)).isEqualTo(2);
        assertThat(countAt(buckets, 1_000)).isEqualTo(3);
    }

    @Test
    void shouldGiveEveryPlatformLatencyTimerBucketsAndLeaveOtherTimersAlone() {
        LatencyHistograms.BUCKETS.keySet().forEach(name ->
                assertThat(registry.timer(name).takeSnapshot().histogramCounts()).as(name).isNotEmpty());
        assertThat(registry.timer("jvm.gc.pause").takeSnapshot().histogramCounts()).isEmpty();
    }

    private static double countAt(CountAtBucket[] buckets, double millis) {
        return Arrays.stream(buckets).filter(bucket -> bucket.bucket(TimeUnit.MILLISECONDS) == millis)
                .findFirst().orElseThrow().count();
    }
}
