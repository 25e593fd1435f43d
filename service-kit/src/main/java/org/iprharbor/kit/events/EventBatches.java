package org.iprharbor.kit.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

import org.iprharbor.kit.persistence.DatabaseOutage;

/**
 * Applies a polled batch of events in one database transaction (one commit, one ORM session), instead of one per
 * event. The handler's inbox check keeps each event once; a record that cannot be read is dead-lettered before the
 * batch runs; a batch that fails for any reason but a database outage is applied again one event per transaction,
 * so only the events that fail on their own are dead-lettered and the rest take effect. The batch is acknowledged
 * only after all of that, so a crash anywhere redelivers it and the inbox skips what was applied.
 * Created at start, so its meters show zeros before the first event rather than no series.
 */
@Startup
@ApplicationScoped
public class EventBatches {

    private final DeadLetterPublisher deadLetters;
    private final TransientFailures transientFailures;
    private final ConsumerGate gate;
    private final Timer applyTime;
    private final Timer eventAge;

    EventBatches(DeadLetterPublisher deadLetters, TransientFailures transientFailures, ConsumerGate gate, MeterRegistry metrics) {
        this.deadLetters = deadLetters;
        this.transientFailures = transientFailures;
        this.gate = gate;
        this.applyTime = Timer.builder("harbor.consumer.apply")
                .description("Time to apply one polled batch of events, its transaction included").register(metrics);
        this.eventAge = Timer.builder("harbor.consumer.event.age")
                .description("From an event's time (its producer's change) to the commit of its effect here").register(metrics);
    }

    /** A record and the event read from it. */
    private record Read(ConsumerRecord<String, String> record, IncomingEvent event) {
    }

    public void apply(String what, ConsumerRecords<String, String> records, Consumer<IncomingEvent> handler) {
        List<Read> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(new Read(record, IncomingEvent.from(record)));
            } catch (PoisonEventException e) {
                deadLetters.publish(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            transientFailures.retry(what + " batch of " + events.size(), () -> QuarkusTransaction.requiringNew()
                    .run(() -> events.forEach(read -> handler.accept(read.event()))));
        } catch (RuntimeException batchFailed) {
            if (gate.stopping() || DatabaseOutage.in(batchFailed).isPresent()) {
                throw batchFailed;
            }
            applyOneByOne(what, events, handler);
        }
        applyTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Instant applied = Instant.now();
        events.forEach(read -> eventAge.record(Duration.between(read.event().time(), applied)));
    }

    private void applyOneByOne(String what, List<Read> events, Consumer<IncomingEvent> handler) {
        for (Read read : events) {
            try {
                transientFailures.retry(what, () -> QuarkusTransaction.requiringNew().run(() -> handler.accept(read.event())));
            } catch (RuntimeException failed) {
                if (gate.stopping()) {
                    throw failed;
                }
                deadLetters.publish(read.record(), failed);
            }
        }
    }
}
