package org.iprharbor.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import org.iprharbor.kit.persistence.SqlValues;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes committed outbox rows to Kafka in order and marks them published only after the broker
 * acknowledged them (acks=all, idempotent producer): at-least-once, never lost. One relay works at a
 * time across instances (a PostgreSQL advisory lock), which keeps each aggregate's events in order.
 * It wakes right after a commit and polls as a fallback.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * Names the relay's advisory lock within a service's database ("OUTBOX" in ASCII). Whoever holds it keeps the
     * outbox unpublished: a test holds it to keep rows waiting as they would while Kafka is away.
     */
    public static final long RELAY_LOCK = 0x4F5554424F58L;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final MeterRegistry metrics;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile boolean running;
    private long lastMeasured;
    private KafkaProducer<String, String> producer;
    private Thread worker;
    private Timer lag;

    OutboxRelay(EntityManager entityManager, OutboxConfig config, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        Gauge.builder("harbor.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("harbor.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished event").register(metrics);
        lag = Timer.builder("harbor.outbox.lag")
                .description("From an event's append, in the transaction of its change, to Kafka's acknowledgement")
                .register(metrics);
        producer = new KafkaProducer<>(producerConfig());
        lastMeasured = System.nanoTime() - TimeUnit.SECONDS.toNanos(2); // nanoTime has no fixed origin
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        worker.join(TimeUnit.SECONDS.toMillis(10));
        producer.close(Duration.ofSeconds(5));
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && relayBatch() == config.batchSize()) {
                    // a full batch means there may be more: keep draining before sleeping again
                }
                if (System.nanoTime() - lastMeasured > TimeUnit.SECONDS.toNanos(1)) {
                    // at most once a second: under load every commit wakes the relay
                    measureBacklog();
                    lastMeasured = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("outbox relay could not publish, will retry: %s", rootMessage(e));
                measureBacklogQuietly();
                pause();
            }
        }
    }

    /** Publishes one batch in one transaction; returns how many rows it published. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            boolean locked = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!locked) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT position, event_id, topic, event_key, event_type, subject, sequence, occurred_at, payload
                    FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT ?1""")
                    .setParameter(1, config.batchSize()).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                sends.add(producer.send(toRecord(row)));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                awaitAck(send);
            }
            Instant acknowledged = Instant.now();
            for (Object[] row : rows) {
                lag.record(Duration.between(SqlValues.instant(row[7]), acknowledged));
            }
            List<Long> positions = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
            entityManager.createNativeQuery("UPDATE outbox SET published_at = now() WHERE position = ANY(?1)")
                    .setParameter(1, positions.toArray(Long[]::new)).executeUpdate();
            metrics.counter("harbor.outbox.published").increment(rows.size());
            Log.debugf("outbox relay published %d events", rows.size());
            return rows.size();
        });
    }

    /** Events committed but not yet acknowledged by Kafka, as last measured. */
    public long pending() {
        return pending.get();
    }

    /** Age in seconds of the oldest of them. */
    public long oldestAgeSeconds() {
        return oldestAgeSeconds.get();
    }

    /** Backlog for the metrics: grows while Kafka is unreachable, so operators see it. */
    private void measureBacklog() {
        Object[] backlog = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)
                FROM outbox WHERE published_at IS NULL""").getSingleResult());
        pending.set(((Number) backlog[0]).longValue());
        oldestAgeSeconds.set(((Number) backlog[1]).longValue());
    }

    private ProducerRecord<String, String> toRecord(Object[] row) {
        ProducerRecord<String, String> record = new ProducerRecord<>((String) row[2], (String) row[3], (String) row[8]);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row[1].toString());
        header(record, "ce_source", config.source());
        header(record, "ce_type", (String) row[4]);
        header(record, "ce_subject", (String) row[5]);
        header(record, "ce_time", SqlValues.instant(row[7]).toString());
        header(record, "ce_sequence", row[6].toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitAck(Future<RecordMetadata> send) throws InterruptedException {
        try {
            send.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge within " + config.sendTimeout(), e);
        }
    }

    private Properties producerConfig() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis() / 2);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, config.source().replace('/', '-') + "-outbox");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private void measureBacklogQuietly() {
        try {
            measureBacklog();
        } catch (RuntimeException e) {
            Log.debugf("cannot measure the outbox backlog: %s", rootMessage(e));
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
