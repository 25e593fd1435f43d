package org.iprharbor.kit.tracing;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import org.iprharbor.kit.events.IncomingEvent;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The spans of an event's way through Kafka: one per outbox row published (a child of the span that appended the row,
 * whose context the row keeps) and one per event a consumer applies (a child of the publishing span, named by the
 * record's CloudEvents distributed-tracing headers). The platform writes these headers itself rather than through the
 * messaging connector's tracing, because its records leave through the outbox relay's own producer in batches, long
 * after the request that caused them has ended.
 */
@ApplicationScoped
public class EventSpans {

    /** The CloudEvents distributed-tracing extension's attributes as Kafka headers (binary mode). */
    public static final String TRACEPARENT_HEADER = "ce_traceparent";
    public static final String TRACESTATE_HEADER = "ce_tracestate";

    static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    /** The aggregate (a deal, patent, partner or need id): what an operator searches the trace viewer by. */
    static final AttributeKey<String> EVENT_SUBJECT = AttributeKey.stringKey("cloudevents.event_subject");

    private final Tracer tracer;

    EventSpans(PlatformTracer tracer) {
        this.tracer = tracer.get();
    }

    /**
     * Starts the span of publishing one event, as a child of the span the outbox row names (or a new trace when it
     * names none), and writes its context into the record's headers; the caller ends it when the broker answers.
     */
    public Span publishing(ProducerRecord<String, String> record, String eventId, String type, String subject,
            String traceparent, String tracestate) {
        Span span = messagingSpan("publish " + record.topic(), SpanKind.PRODUCER, record.topic(), "publish", eventId, type,
                subject).setParent(TraceParent.parentContext(traceparent, tracestate)).startSpan();
        TraceParent published = TraceParent.of(Context.root().with(span));
        if (published != null) {
            record.headers().add(TRACEPARENT_HEADER, published.traceparent().getBytes(StandardCharsets.UTF_8));
            if (published.tracestate() != null) {
                record.headers().add(TRACESTATE_HEADER, published.tracestate().getBytes(StandardCharsets.UTF_8));
            }
        }
        return span;
    }

    /** Ends a publishing span with the broker's answer. */
    public static void published(Span span, Exception failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, "Kafka did not acknowledge");
        }
        span.end();
    }

    /**
     * Applies one event inside the span of its processing, a child of the span that published it: everything the
     * handler records for later (outbox rows, queued deliveries) continues the same trace.
     */
    public void processing(ConsumerRecord<String, String> record, IncomingEvent event, Runnable apply) {
        Span span = messagingSpan("process " + record.topic(), SpanKind.CONSUMER, record.topic(), "process",
                event.id().toString(), event.type(), event.subject())
                .setParent(TraceParent.parentContext(header(record, TRACEPARENT_HEADER), header(record, TRACESTATE_HEADER)))
                .setAttribute(PARTITION, Integer.toString(record.partition()))
                .setAttribute(OFFSET, record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            apply.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    private SpanBuilder messagingSpan(String name, SpanKind kind, String topic, String operation, String eventId,
            String type, String subject) {
        return tracer.spanBuilder(name).setSpanKind(kind)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, operation)
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(EVENT_TYPE, type)
                .setAttribute(EVENT_SUBJECT, subject);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
