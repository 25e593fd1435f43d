package org.iprharbor.notification.ops.feed;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.notification.ops.OpsConfig;
import org.iprharbor.notification.ops.kafka.OpsKafka;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads every partition of the platform's topics into the {@link FeedBuffer}, starting a little before the end.
 * One plain consumer per instance, assigned rather than subscribed: no group, no commits, so it neither shares
 * records with another instance nor moves any service's offsets. It reads only while someone watches (the buffer
 * was read within {@link OpsConfig#feedIdleAfter()}): following every event unwatched cost notification-service
 * and the broker CPU on every offer (benchmark of 30 Nov).
 */
@ApplicationScoped
public class LiveFeed {

    private static final Duration POLL = Duration.ofMillis(300);
    /** How often an idle feed looks whether someone started watching. */
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);
    /** How often to look for partitions that did not exist yet (a topic created after start). */
    private static final Duration REASSIGN_EVERY = Duration.ofSeconds(10);

    private final OpsKafka kafka;
    private final OpsConfig config;
    private final FeedBuffer buffer;
    private final ObjectMapper json;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    LiveFeed(OpsKafka kafka, OpsConfig config, FeedBuffer buffer, ObjectMapper json) {
        this.kafka = kafka;
        this.config = config;
        this.buffer = buffer;
        this.json = json;
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::run, "ops-live-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    private void run() {
        while (running) {
            if (!watched()) {
                sleep(IDLE_CHECK);
                continue;
            }
            buffer.clear();
            try (KafkaConsumer<byte[], byte[]> reader = kafka.reader("notification-service-ops-feed")) {
                consumer = reader;
                follow(reader);
                Log.debugf("ops live feed unwatched for %s; stopped reading Kafka", config.feedIdleAfter());
            } catch (WakeupException stopped) {
                return;
            } catch (RuntimeException e) {
                Log.warnf("ops live feed lost Kafka (%s); reconnecting", e.getMessage());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    /** True while the feed reads Kafka. */
    public boolean following() {
        return consumer != null;
    }

    private boolean watched() {
        return buffer.readWithin(config.feedIdleAfter());
    }

    private void follow(KafkaConsumer<byte[], byte[]> reader) {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextAssignmentCheck = 0;
        while (running && watched()) {
            if (System.currentTimeMillis() >= nextAssignmentCheck) {
                assignNew(reader, assigned);
                nextAssignmentCheck = System.currentTimeMillis() + REASSIGN_EVERY.toMillis();
            }
            if (assigned.isEmpty()) {
                pause();
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                buffer.add(FeedEntries.of(record, json));
            }
        }
    }

    /** Adds partitions not read yet, each from a few records before its end (the page's backfill). */
    private void assignNew(KafkaConsumer<byte[], byte[]> reader, Set<TopicPartition> assigned) {
        List<TopicPartition> all = OpsKafka.partitionsOf(reader, config.topics());
        List<TopicPartition> fresh = all.stream().filter(partition -> !assigned.contains(partition)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Set<TopicPartition> next = new HashSet<>(assigned);
        next.addAll(fresh);
        Map<TopicPartition, Long> positions = new java.util.HashMap<>();
        assigned.forEach(partition -> positions.put(partition, reader.position(partition)));
        reader.assign(next);
        positions.forEach(reader::seek);
        Map<TopicPartition, Long> ends = reader.endOffsets(fresh);
        Map<TopicPartition, Long> beginnings = reader.beginningOffsets(fresh);
        for (TopicPartition partition : fresh) {
            reader.seek(partition, Math.max(beginnings.get(partition), ends.get(partition) - config.feedBackfillPerPartition()));
        }
        assigned.addAll(fresh);
    }

    private void pause() {
        sleep(REASSIGN_EVERY.dividedBy(5));
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
