package org.iprharbor.notification.ops.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a Kafka record into a feed row: CloudEvents headers for type, subject and time, and the payload fields an
 * operator scans for (state, parties, countries…), redacted.
 */
public final class FeedEntries {

    /** Payload fields worth a glance, in the order the page shows them. */
    static final List<String> KEY_FIELDS = List.of("state", "dealType", "dealId", "patentId", "publicationNumber",
            "status", "buyerCountry", "sellerCountry", "country", "legalName", "channel", "eventType", "attempts",
            "statusCode", "reason", "error", "contactEmail");
    private static final int MAX_FIELD_CHARS = 80;

    private FeedEntries() {
    }

    public static FeedEntry of(ConsumerRecord<byte[], byte[]> record, ObjectMapper json) {
        Headers headers = record.headers();
        String time = header(headers, "ce_time");
        return new FeedEntry(0, parseTime(time, record.timestamp()), record.topic(), record.partition(), record.offset(),
                header(headers, "ce_type"), header(headers, "ce_subject"),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                keyFields(record.value(), json));
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant parseTime(String ceTime, long recordTimestamp) {
        if (ceTime != null) {
            try {
                return Instant.parse(ceTime);
            } catch (DateTimeParseException ignored) {
                // a malformed header: the broker's timestamp is still true
            }
        }
        return Instant.ofEpochMilli(recordTimestamp);
    }

    private static Map<String, String> keyFields(byte[] value, ObjectMapper json) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (value == null) {
            return fields;
        }
        JsonNode payload;
        try {
            payload = Redactor.redact(json.readTree(value));
        } catch (java.io.IOException notJson) {
            fields.put("payload", "(not JSON, " + value.length + " bytes)");
            return fields;
        }
        if (payload == null || !payload.isObject()) {
            return fields;
        }
        for (String name : KEY_FIELDS) {
            JsonNode field = payload.get(name);
            if (field != null && field.isValueNode() && !field.isNull()) {
                String text = field.asText();
                fields.put(name, text.length() <= MAX_FIELD_CHARS ? text : text.substring(0, MAX_FIELD_CHARS) + "…");
            }
        }
        return fields;
    }
}
