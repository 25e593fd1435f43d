package org.iprharbor.notification.ops.deadletter;

import java.time.Instant;

/**
 * A record in a dead-letter topic, as the dashboard shows it: where it is, why it failed (SmallRye's
 * {@code dead-letter-*} headers), where it came from, and a redacted, truncated payload preview.
 */
public record DeadLetter(String topic, int partition, long offset, Instant time, String key, String type, String eventId,
        String reason, String cause, String originalTopic, Integer originalPartition, Long originalOffset,
        String payloadPreview) {
}
