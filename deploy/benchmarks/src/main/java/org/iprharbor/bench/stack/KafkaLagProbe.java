package org.iprharbor.bench.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its end, as a fresh consumer group, and notes for each record its lag from the
 * producer's {@code ce_time} (set in the committing transaction) to its receipt here.
 */
public final class KafkaLagProbe implements AutoCloseable {

    /** When a record arrived (epoch ms) and how long after its ce_time. */
    public record Sample(long arrivedMillis, long lagMillis) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean assigned;

    public KafkaLagProbe(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-lag-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        poller = new Thread(this::poll, "kafka-lag-probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** Blocks until the consumer has its partitions, so nothing sent afterwards is missed. */
    public void awaitAssignment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!assigned && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!assigned) {
            throw new IllegalStateException("the lag probe got no partitions within " + timeout);
        }
    }

    private void poll() {
        while (running) {
            var records = consumer.poll(Duration.ofMillis(100));
            if (!consumer.assignment().isEmpty()) {
                assigned = true;
            }
            long now = System.currentTimeMillis();
            synchronized (samples) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    Header time = record.headers().lastHeader("ce_time");
                    if (time != null) {
                        samples.add(new Sample(now, now - Instant.parse(new String(time.value(), StandardCharsets.UTF_8)).toEpochMilli()));
                    }
                }
            }
        }
        consumer.close();
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
