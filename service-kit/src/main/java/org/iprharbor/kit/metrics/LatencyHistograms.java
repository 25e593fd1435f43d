package org.iprharbor.kit.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Gives the platform's latency timers histogram buckets, so dashboards can ask for percentiles
 * ({@code histogram_quantile}) across instances; a timer alone exposes only a sum, a count and a recent maximum.
 * The buckets are the service-level objectives an operator reasons with rather than Micrometer's ~70 generated
 * ones: a dozen per series keeps the per-route HTTP series affordable and still tells "within 100 ms" from
 * "within 250 ms" exactly, where a percentile is interpolated between two of them.
 */
@Singleton
public class LatencyHistograms {

    /** HTTP requests and a consumer's batch: the API's own budget is tens of milliseconds. */
    private static final Duration[] REQUEST = millis(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000);

    /**
     * From an event's commit to Kafka's acknowledgement, or to its effect in a consumer: the relay wakes on commit, so
     * normally well under a second; a broker or consumer outage shows as tens of seconds.
     */
    private static final Duration[] RELAY = millis(10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000);

    /** From a delivery's creation to the receiver's 2xx or the mail server's acceptance: retries take minutes. */
    private static final Duration[] DELIVERY = millis(100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 1_800_000);

    /** Meter name (Micrometer's dotted form) to its buckets. */
    static final Map<String, Duration[]> BUCKETS = Map.of(
            "http.server.requests", REQUEST,
            "harbor.consumer.apply", REQUEST,
            "harbor.outbox.lag", RELAY,
            "harbor.consumer.event.age", RELAY,
            "harbor.delivery.latency", DELIVERY);

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                Duration[] buckets = BUCKETS.get(id.getName());
                if (buckets == null) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Arrays.stream(buckets).mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        };
    }

    private static Duration[] millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    }
}
