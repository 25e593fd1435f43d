package org.iprharbor.reliability.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every record of a topic from the beginning to the current end, read with a plain consumer outside any group
 * (so reading never moves a service's offsets).
 */
public final class TopicRecords {

    /**
     * A record as the verifier sees it: its CloudEvents id, type and subject, all its headers, and its value as text
     * when the reader asked for it (else null).
     */
    public record Event(String id, String type, String subject, Map<String, String> headers, int size, String payload) {
    }

    private TopicRecords() {
    }

    public static List<Event> read(String bootstrap, String topic) {
        return read(bootstrap, topic, event -> false);
    }

    /** Every record, with the payload of those {@code withPayload} picks by their headers. */
    public static List<Event> read(String bootstrap, String topic, Predicate<Event> withPayload) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(event(record, withPayload));
                }
            }
            if (!reached(consumer, end)) {
                throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
            }
        }
        return events;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    private static Event event(ConsumerRecord<byte[], byte[]> record, Predicate<Event> withPayload) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        Event event = new Event(headers.get("ce_id"), headers.get("ce_type"), headers.get("ce_subject"), headers,
                record.value() == null ? 0 : record.value().length, null);
        return record.value() == null || !withPayload.test(event) ? event : new Event(event.id(), event.type(),
                event.subject(), headers, event.size(), new String(record.value(), StandardCharsets.UTF_8));
    }
}
