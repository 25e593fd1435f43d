package org.iprharbor.reliability.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.Ledger;
import org.iprharbor.reliability.verify.TopicRecords;

/**
 * Scenario 5: poison records on every consumed topic, mid-load: not JSON, an unknown schema version, no
 * CloudEvents headers, and a near-1-MB payload. Each consuming service must dead-letter each one to the topic's
 * {@code .dlq} twin with the error headers, keep its partitions flowing (the load's events still arrive
 * everywhere) and stay healthy.
 */
public final class PoisonRecords extends FaultUnderLoad {

    /** Each consumed topic, a real event type on it, and how many services consume it. */
    private static final Map<String, String> TYPE_BY_TOPIC = Map.of(
            "harbor.partners.v1", "org.iprharbor.catalog.partner-registered.v1",
            "harbor.patents.v1", "org.iprharbor.catalog.patent-listed.v1",
            "harbor.deals.v1", "org.iprharbor.deal.deal-opened.v1");
    private static final int CONSUMERS_PER_TOPIC = 2;
    private static final List<String> KINDS = List.of("not-json", "wrong-version", "missing-headers", "huge");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Override
    public String name() {
        return "poison-records";
    }

    @Override
    public String fault() {
        return "poison records (not JSON, wrong schema version, missing headers, 900 kB) on every consumed topic";
    }

    @Override
    protected void inject(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.stack().config().kafkaBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (Map.Entry<String, String> topic : TYPE_BY_TOPIC.entrySet()) {
                for (String kind : KINDS) {
                    producer.send(poison(topic.getKey(), topic.getValue(), kind)).get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Override
    protected void afterDrain(ScenarioContext context, Ledger ledger, Findings findings) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int expected = TYPE_BY_TOPIC.size() * KINDS.size() * CONSUMERS_PER_TOPIC;
        List<TopicRecords.Event> deadLetters = deadLetters(context);
        while (deadLetters.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            deadLetters = deadLetters(context);
        }
        for (String topic : TYPE_BY_TOPIC.keySet()) {
            for (String kind : KINDS) {
                long copies = deadLetters.stream().filter(event -> key(topic, kind).equals(event.headers().get("poison")))
                        .filter(event -> event.headers().containsKey("dead-letter-reason")).count();
                findings.check(copies == CONSUMERS_PER_TOPIC, kind + " on " + topic + " dead-lettered " + copies
                        + " times with a reason (expected once per consumer: " + CONSUMERS_PER_TOPIC + ")");
            }
        }
        findings.observe(deadLetters.size() + " of " + expected + " poison records dead-lettered with their error headers");
        for (var service : context.stack().config().services()) {
            HarborClient.Reply health = context.client().get(service.baseUrl() + "/q/health", null).join();
            findings.check(health.status() == 200, service.name() + " unhealthy after the poison: " + health.body());
        }
    }

    private List<TopicRecords.Event> deadLetters(ScenarioContext context) {
        return TYPE_BY_TOPIC.keySet().stream()
                .flatMap(topic -> TopicRecords.read(context.stack().config().kafkaBootstrap(), topic + ".dlq").stream())
                .filter(event -> event.headers().getOrDefault("poison", "").endsWith(run))
                .toList();
    }

    private ProducerRecord<String, String> poison(String topic, String type, String kind) {
        String subject = UUID.randomUUID().toString();
        String value = switch (kind) {
            case "not-json" -> "<<this is not JSON>>";
            case "huge" -> "{\"id\":\"" + subject + "\",\"padding\":\"" + "x".repeat(900 * 1024) + "\"}";
            default -> "{\"id\":\"" + subject + "\",\"version\":1}";
        };
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, value);
        // marks the record (and its dead-letter copies, which keep the headers) as this run's poison
        record.headers().add("poison", bytes(key(topic, kind)));
        if (!kind.equals("missing-headers")) {
            record.headers().add("ce_specversion", bytes("1.0"))
                    .add("ce_id", bytes(UUID.randomUUID().toString()))
                    .add("ce_source", bytes("/harbor/reliability-suite"))
                    .add("ce_type", bytes(kind.equals("wrong-version") ? type.replace(".v1", ".v99") : type))
                    .add("ce_subject", bytes(subject))
                    .add("ce_time", bytes(Instant.now().toString()))
                    .add("ce_sequence", bytes("1"))
                    .add("content-type", bytes("application/json"));
        }
        return record;
    }

    private String key(String topic, String kind) {
        return topic + "/" + kind + "/" + run;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
