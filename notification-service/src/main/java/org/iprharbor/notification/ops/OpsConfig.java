package org.iprharbor.notification.ops;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the operations dashboard ({@code /ops}).
 */
@ConfigMapping(prefix = "harbor.ops")
public interface OpsConfig {

    /** The platform's event topics the dashboard watches; their {@code .dlq} twins hold the dead letters. */
    @WithDefault("harbor.partners.v1,harbor.patents.v1,harbor.needs.v1,harbor.deals.v1,harbor.notifications.v1")
    List<String> topics();

    /** How many recent events the live feed keeps in memory (oldest dropped first). */
    @WithDefault("2000")
    int feedCapacity();

    /** How many of each partition's latest records the feed reads at start, so the page is never empty. */
    @WithDefault("40")
    int feedBackfillPerPartition();

    /**
     * How long the live feed keeps reading Kafka after its last reader (the page polls it every 250 ms while open);
     * then it stops until someone looks again, so an unwatched dashboard costs the platform nothing per event.
     */
    @WithDefault("5m")
    Duration feedIdleAfter();

    /** How many of the newest records per dead-letter topic the dashboard lists. */
    @WithDefault("50")
    int deadLettersPerTopic();

    /** The throughput chart's window, in whole minutes. */
    @WithDefault("30")
    int throughputMinutes();

    /**
     * A trace's page in the trace viewer, with {@code {traceId}} where its id goes (the local stack's Zipkin:
     * {@code http://localhost:9411/zipkin/traces/{traceId}}); the deal timeline links each event to it. Unset: the
     * timeline shows the trace id alone.
     */
    Optional<String> traceUrl();

    /** How long a Kafka look-up (offsets, groups, a dead letter) may take before the panel reports it unavailable. */
    @WithDefault("5s")
    Duration kafkaTimeout();
}
