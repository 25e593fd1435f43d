package org.iprharbor.notification.ops.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

import org.iprharbor.kit.events.DeadLetterHeaders;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.notification.ops.OpsConfig;
import org.iprharbor.notification.ops.kafka.OpsKafka;

import io.quarkus.logging.Log;

/**
 * Re-publishes a dead letter to the topic it came from: its key, value and original headers (the CloudEvents
 * attributes; not the {@code dead-letter-*} ones), acknowledged by every replica. Consumers apply each {@code ce_id}
 * once, so redriving the same record twice has one effect. Every redrive, successful or not, is audited.
 */
@ApplicationScoped
public class Redrive {

    static final String ACTION = "redrive";

    private final DeadLetters deadLetters;
    private final OpsKafka kafka;
    private final OpsConfig config;
    private final OpsAudit audit;

    Redrive(DeadLetters deadLetters, OpsKafka kafka, OpsConfig config, OpsAudit audit) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.config = config;
        this.audit = audit;
    }

    public RedriveResult redrive(String actor, String dlqTopic, int partition, long offset) {
        if (!deadLetters.topics().contains(dlqTopic)) {
            throw ProblemException.invalidField("topic", "is not one of the dead-letter topics " + deadLetters.topics());
        }
        String target = dlqTopic + "/" + partition + "@" + offset;
        ConsumerRecord<byte[], byte[]> dead = deadLetters.find(dlqTopic, partition, offset)
                .orElseThrow(() -> ProblemException.notFound("No record at " + target + "."));
        String original = header(dead, DeadLetterHeaders.TOPIC);
        if (original == null || !config.topics().contains(original)) {
            audit.record(actor, ACTION, target, "REFUSED", "original topic " + original + " is not a platform topic");
            throw ProblemException.unprocessable("The record at " + target + " names no platform topic to return to ("
                    + DeadLetterHeaders.TOPIC + ": " + original + ").");
        }
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original, null, dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                again.headers().add(header.key(), header.value());
            }
        }
        RecordMetadata written;
        try {
            written = kafka.producer().send(again).get(config.kafkaTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(actor, target, e);
        } catch (ExecutionException | TimeoutException e) {
            throw failed(actor, target, e);
        }
        String to = written.topic() + "/" + written.partition() + "@" + written.offset();
        OpsAudit.AuditEntry entry = audit.record(actor, ACTION, target, "PUBLISHED", "to " + to);
        Log.infof("operator %s redrove %s to %s (eventId=%s)", actor, target, to, header(dead, "ce_id"));
        return new RedriveResult(entry.id(), written.topic(), written.partition(), written.offset());
    }

    private ProblemException failed(String actor, String target, Exception cause) {
        audit.record(actor, ACTION, target, "FAILED", String.valueOf(cause.getCause() == null ? cause : cause.getCause()));
        return OpsKafka.unavailable(cause);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Where the record went, and the audit entry that records it. */
    public record RedriveResult(java.util.UUID auditId, String topic, int partition, long offset) {
    }
}
