package org.iprharbor.kit.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary mode. A record without the required attributes is
 * rejected with {@link PoisonEventException}, which sends it to the dead-letter topic.
 */
public record IncomingEvent(UUID id, String source, String type, String subject, long sequence, Instant time,
        String payload) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        UUID id = parse("ce_id", header(record, "ce_id"), UUID::fromString);
        String source = header(record, "ce_source");
        String type = header(record, "ce_type");
        String subject = header(record, "ce_subject");
        long sequence = parse("ce_sequence", header(record, "ce_sequence"), CloudEventSequence::parse);
        Instant time = parse("ce_time", header(record, "ce_time"), Instant::parse);
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonEventException("record has no payload");
        }
        return new IncomingEvent(id, source, type, subject, sequence, time, record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new PoisonEventException("record lacks the CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException("header " + name + " is not valid: " + value);
        }
    }
}
