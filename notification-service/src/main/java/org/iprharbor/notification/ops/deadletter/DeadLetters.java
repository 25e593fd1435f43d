package org.iprharbor.notification.ops.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.events.DeadLetterHeaders;
import org.iprharbor.notification.ops.OpsConfig;
import org.iprharbor.notification.ops.feed.FeedEntries;
import org.iprharbor.notification.ops.feed.Redactor;
import org.iprharbor.notification.ops.kafka.OpsKafka;

/**
 * Reads the dead-letter topics ({@code <topic>.dlq} of each watched topic): the newest records of each, and one
 * record by its coordinates for a redrive.
 */
@ApplicationScoped
public class DeadLetters {

    private static final int PREVIEW_CHARS = 600;

    private final OpsKafka kafka;
    private final OpsConfig config;
    private final ObjectMapper json;

    DeadLetters(OpsKafka kafka, OpsConfig config, ObjectMapper json) {
        this.kafka = kafka;
        this.config = config;
        this.json = json;
    }

    public List<String> topics() {
        return config.topics().stream().map(topic -> topic + DeadLetterHeaders.DLQ_SUFFIX).toList();
    }

    /** The newest records of every dead-letter topic, newest first. */
    public List<DeadLetter> newest() {
        try (KafkaConsumer<byte[], byte[]> reader = kafka.reader("notification-service-ops-dead-letters")) {
            List<TopicPartition> partitions = OpsKafka.partitionsOf(reader, topics());
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = reader.beginningOffsets(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(beginnings.get(partition), ends.get(partition) - config.deadLettersPerTopic());
                reader.seek(partition, from);
                if (from < ends.get(partition)) {
                    remaining.put(partition, ends.get(partition));
                }
            }
            List<DeadLetter> found = new ArrayList<>();
            long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    found.add(view(record));
                }
                remaining.keySet().removeIf(partition -> reader.position(partition) >= remaining.get(partition));
            }
            found.sort(Comparator.comparing(DeadLetter::time).reversed());
            int limit = config.deadLettersPerTopic() * Math.max(1, topics().size());
            return found.size() <= limit ? found : found.subList(0, limit);
        }
    }

    /** The record at these coordinates in a dead-letter topic, if it is (still) there. */
    public Optional<ConsumerRecord<byte[], byte[]>> find(String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> reader = kafka.reader("notification-service-ops-redrive")) {
            TopicPartition where = new TopicPartition(topic, partition);
            reader.assign(List.of(where));
            long end = reader.endOffsets(List.of(where)).get(where);
            if (offset >= end || offset < reader.beginningOffsets(List.of(where)).get(where)) {
                return Optional.empty();
            }
            reader.seek(where, offset);
            long deadline = System.nanoTime() + config.kafkaTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty(); // compacted away or a transaction marker
                    }
                }
            }
            return Optional.empty();
        }
    }

    DeadLetter view(ConsumerRecord<byte[], byte[]> record) {
        var headers = record.headers();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                FeedEntries.header(headers, "ce_type"), FeedEntries.header(headers, "ce_id"),
                Redactor.maskEmails(FeedEntries.header(headers, DeadLetterHeaders.REASON)),
                Redactor.maskEmails(FeedEntries.header(headers, DeadLetterHeaders.CAUSE)),
                FeedEntries.header(headers, DeadLetterHeaders.TOPIC),
                integer(FeedEntries.header(headers, DeadLetterHeaders.PARTITION)),
                longValue(FeedEntries.header(headers, DeadLetterHeaders.OFFSET)),
                record.value() == null ? null
                        : Redactor.preview(new String(record.value(), StandardCharsets.UTF_8), json, PREVIEW_CHARS));
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longValue(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
