package org.iprharbor.notification.ops.feed;

import java.time.Instant;
import java.util.Map;

/**
 * One event as the live feed shows it: where it is in Kafka, what it is, and a few redacted key fields.
 *
 * @param sequence position in this instance's feed, increasing; clients ask for what came after the last one they saw
 */
public record FeedEntry(long sequence, Instant time, String topic, int partition, long offset, String type,
        String subject, String key, Map<String, String> fields) {

    /** Whether the entry passes the page's filters; a blank filter matches everything. */
    public boolean matches(String topicFilter, String typeFilter, String idFilter) {
        return (blank(topicFilter) || topic.equals(topicFilter))
                && (blank(typeFilter) || (type != null && type.contains(typeFilter)))
                && (blank(idFilter) || mentions(idFilter));
    }

    private boolean mentions(String id) {
        return id.equals(subject) || id.equals(key) || fields.containsValue(id);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
