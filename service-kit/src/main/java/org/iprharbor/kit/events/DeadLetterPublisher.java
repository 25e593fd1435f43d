package org.iprharbor.kit.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * Parks one record of a batch in its topic's {@code .dlq} twin, with the headers SmallRye's dead-letter-queue
 * strategy writes (the ops dashboard reads and redrives them), and waits for the broker's ack: a batch consumer
 * acknowledges the whole batch afterwards, so a record it dead-letters must already be safe.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Map<String, Object> kafka;
    private volatile KafkaProducer<String, String> producer;

    DeadLetterPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    public void publish(ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + DeadLetterHeaders.DLQ_SUFFIX, null,
                record.key(), record.value(), record.headers());
        header(dead, DeadLetterHeaders.REASON, String.valueOf(reason.getMessage()));
        header(dead, DeadLetterHeaders.EXCEPTION_CLASS_NAME, reason.getClass().getName());
        if (reason.getCause() != null) {
            header(dead, DeadLetterHeaders.CAUSE, String.valueOf(reason.getCause().getMessage()));
            header(dead, DeadLetterHeaders.CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
        }
        header(dead, DeadLetterHeaders.TOPIC, record.topic());
        header(dead, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        header(dead, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        try {
            producer().send(dead).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + where(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + where(record) + ": " + e.getMessage(), e);
        }
        Log.warnf("dead-lettered %s: %s", where(record), reason.getMessage());
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    // dead letters are rare: the producer is made on the first one, not at start-up
                    Map<String, Object> config = new HashMap<>(kafka);
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "harbor-dead-letters");
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(config);
                }
            }
        }
        return producer;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name);
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
