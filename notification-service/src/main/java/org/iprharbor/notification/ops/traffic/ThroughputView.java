package org.iprharbor.notification.ops.traffic;

import java.time.Instant;
import java.util.List;

/**
 * Events per minute per topic: {@code counts[i]} is the minute starting at {@code from + i minutes}.
 */
public record ThroughputView(Instant from, List<TopicRate> topics) {

    /** One topic's counts, oldest minute first. */
    public record TopicRate(String topic, List<Long> counts) {
    }
}
