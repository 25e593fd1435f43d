package org.iprharbor.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import org.iprharbor.testing.contracts.EventContracts;


/**
 * Reads and writes records on the test broker the way another service would: for asserting what a
 * service published and for feeding it events (well-formed or poisonous).
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaProbe(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** A consumer in a group of its own that reads the topics from the beginning. */
    public static KafkaProbe readFromStart(String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topics));
        return new KafkaProbe(consumer);
    }

    /** Polls until {@code count} records match, then returns exactly those (fails after {@code timeout}). */
    public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching, int count,
            Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(matching).count() >= count;
        });
        return seen.stream().filter(matching).toList();
    }

    /** Every record read so far that matches, for asserting that nothing more arrived. */
    public List<ConsumerRecord<String, String>> seen(Predicate<ConsumerRecord<String, String>> matching) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(matching).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, String>> withHeader(String name, String value) {
        return record -> value.equals(header(record, name));
    }

    /**
     * Publishes a CloudEvent in Kafka binary mode, as the platform's producers do. A payload of a type that a producer
     * documents must match that producer's published schema (see {@link EventContracts}): a fixture that drifts from
     * the contract fails here, not later in the service under test.
     */
    public static void publishCloudEvent(String topic, String key, String id, String type, long sequence, String json) {
        EventContracts contracts = EventContracts.load();
        if (contracts.producerOf(type).isPresent()) {
            contracts.requireValidPayload(type, id, json);
        }
        publishRawCloudEvent(topic, key, id, type, sequence, json);
    }

    /** Publishes a CloudEvent without checking its payload against any contract: for deliberately broken events. */
    public static void publishRawCloudEvent(String topic, String key, String id, String type, long sequence, String json) {
        publish(topic, key, Map.of(
                "ce_specversion", "1.0",
                "ce_id", id,
                "ce_source", "/harbor/test",
                "ce_type", type,
                "ce_subject", key,
                "ce_time", Instant.now().toString(),
                "ce_sequence", String.format("%020d", sequence), // as the producers write it (docs/events.md, Envelope)
                "content-type", "application/json"), json);
    }

    /**
     * Every record on the topics at this moment, from the start of each partition (whatever group read them before),
     * in partition order.
     */
    public static List<ConsumerRecord<String, String>> readAll(Duration timeout, String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Awaitility.await().atMost(timeout).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
            });
            return records;
        }
    }

    /** Publishes any record, headers included, and waits for the broker's acknowledgement. */
    public static void publish(String topic, String key, Map<String, String> headers, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic, e.getCause());
        }
    }

    private static String bootstrapServers() {
        return HarborTestInfrastructure.running().kafka().bootstrapServers();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
