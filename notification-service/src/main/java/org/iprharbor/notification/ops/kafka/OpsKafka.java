package org.iprharbor.notification.ops.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.notification.ops.OpsConfig;

/**
 * The dashboard's own Kafka clients: one Admin client shared by the panels, and group-less consumers that read
 * without committing anything (the dashboard must never move a service's offsets).
 */
@ApplicationScoped
public class OpsKafka {

    private final String bootstrapServers;
    private final OpsConfig config;
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;

    OpsKafka(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, OpsConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public synchronized Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "notification-service-ops-admin");
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
            admin = Admin.create(properties);
        }
        return admin;
    }

    /** Publishes as the platform's producers do: every replica acknowledges, no duplicates from the producer's retries. */
    public synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "notification-service-ops-redrive");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout().toMillis() * 2);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    /** A consumer in no group: it is assigned partitions, never subscribes, never commits. */
    public KafkaConsumer<byte[], byte[]> reader(String clientId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.kafkaTimeout().toMillis());
        return new KafkaConsumer<>(properties);
    }

    /** Every partition of the topics that exist (a missing topic has none). */
    public static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, List<String> topics) {
        Map<String, List<org.apache.kafka.common.PartitionInfo>> existing = consumer.listTopics();
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            existing.getOrDefault(topic, List.of())
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    /** Waits for an Admin result within the configured timeout; a broker that does not answer is a 503 for the panel. */
    public <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(config.kafkaTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    public static ProblemException unavailable(Exception cause) {
        String reason = cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage();
        return new ProblemException(503, "kafka-unavailable", "Kafka unavailable",
                "Kafka did not answer in time: " + reason);
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }
}
