package org.iprharbor.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import org.iprharbor.kit.events.IncomingEvent;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An event's way through Kafka as spans, with a real OpenTelemetry SDK: the relay's publishing continues the trace its
 * outbox row kept and names itself in the record's CloudEvents headers, and a consumer applies the event in a child of
 * that span.
 */
class EventSpansTest {

    private static final String TOPIC = "harbor.deals.v1";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final EventSpans spans = new EventSpans(
            new PlatformTracer(OpenTelemetrySdk.builder().setTracerProvider(tracing).build(), false));

    @AfterEach
    void stopTracing() {
        tracing.close();
    }

    @Test
    void shouldPublishAnEventAsAChildOfTheSpanItsOutboxRowKeptAndNameThatSpanInTheRecordHeaders() {
        TraceParent request = inRequest(TraceParent::current);
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "deal-1", "{}");

        EventSpans.published(spans.publishing(record, "event-1", "org.iprharbor.deal.deal-opened.v1", "deal-1",
                request.traceparent(), request.tracestate()), null);

        SpanData publish = only("publish " + TOPIC);
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getTraceId()).isEqualTo(request.traceId());
        assertThat(publish.getParentSpanId()).isEqualTo(spanIdOf(request));
        assertThat(publish.getAttributes().get(EventSpans.EVENT_SUBJECT)).isEqualTo("deal-1");
        assertThat(header(record, EventSpans.TRACEPARENT_HEADER))
                .isEqualTo("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-01");
    }

    @Test
    void shouldStartATraceForAnEventNoTracedWorkCaused() {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "deal-2", "{}");

        EventSpans.published(spans.publishing(record, "event-2", "org.iprharbor.deal.deadline-missed.v1", "deal-2", null, null),
                null);

        SpanData publish = only("publish " + TOPIC);
        assertThat(publish.getParentSpanContext().isValid()).isFalse();
        assertThat(header(record, EventSpans.TRACEPARENT_HEADER)).contains(publish.getTraceId());
    }

    @Test
    void shouldMarkAPublishingTheBrokerRefused() {
        EventSpans.published(spans.publishing(new ProducerRecord<>(TOPIC, "deal-3", "{}"), "event-3", "t", "deal-3", null, null),
                new IllegalStateException("not enough replicas"));

        assertThat(only("publish " + TOPIC).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void shouldApplyAnEventInAChildOfThePublishingSpanSoItsEffectsContinueTheTrace() {
        ProducerRecord<String, String> published = new ProducerRecord<>(TOPIC, "deal-4", "{}");
        EventSpans.published(spans.publishing(published, "event-4", "t", "deal-4", null, null), null);
        AtomicReference<TraceParent> seenByHandler = new AtomicReference<>();

        spans.processing(received(published), event("deal-4"), () -> seenByHandler.set(TraceParent.current()));

        SpanData publish = only("publish " + TOPIC);
        SpanData process = only("process " + TOPIC);
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).isEqualTo(publish.getTraceId());
        assertThat(process.getParentSpanId()).isEqualTo(publish.getSpanId());
        assertThat(seenByHandler.get().traceparent()).contains(process.getSpanId());
    }

    @Test
    void shouldRecordAFailedApplicationAndLetTheFailureThrough() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, 7L, "deal-5", "{}");

        assertThatThrownBy(() -> spans.processing(record, event("deal-5"), () -> {
            throw new IllegalArgumentException("unknown patent");
        })).hasMessage("unknown patent");

        SpanData process = only("process " + TOPIC);
        assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(process.getParentSpanContext().isValid()).as("a record without trace headers starts a trace").isFalse();
    }

    @Test
    void shouldMakeNoSpansWhileTracingIsOffYetPassAnArrivingTraceThrough() {
        EventSpans off = new EventSpans(new PlatformTracer(OpenTelemetrySdk.builder().setTracerProvider(tracing).build(), true));
        ProducerRecord<String, String> untraced = new ProducerRecord<>(TOPIC, "deal-6", "{}");
        EventSpans.published(off.publishing(untraced, "event-6", "t", "deal-6", null, null), null);
        ProducerRecord<String, String> traced = new ProducerRecord<>(TOPIC, "deal-7", "{}");
        String upstream = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        AtomicReference<TraceParent> seenByHandler = new AtomicReference<>();

        EventSpans.published(off.publishing(traced, "event-7", "t", "deal-7", upstream, null), null);
        off.processing(received(traced), event("deal-7"), () -> seenByHandler.set(TraceParent.current()));

        assertThat(exported.getFinishedSpanItems()).isEmpty();
        assertThat(untraced.headers().lastHeader(EventSpans.TRACEPARENT_HEADER)).isNull();
        assertThat(header(traced, EventSpans.TRACEPARENT_HEADER)).isEqualTo(upstream);
        assertThat(seenByHandler.get().traceparent()).isEqualTo(upstream);
    }

    @Test
    void shouldTellNoTraceFromAMalformedTraceparent() {
        assertThat(Span.fromContext(TraceParent.parentContext("00-not-a-trace-01", null)).getSpanContext().isValid()).isFalse();
        assertThat(new TraceParent("00-zz-01", null).traceId()).isNull();
        assertThat(TraceParent.current()).as("no span outside any trace").isNull();
    }

    private <T> T inRequest(java.util.function.Supplier<T> work) {
        Span request = tracing.get("test").spanBuilder("POST /deals").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = request.makeCurrent()) {
            return work.get();
        } finally {
            request.end();
        }
    }

    private SpanData only(String name) {
        List<SpanData> named = exported.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(named).hasSize(1);
        return named.get(0);
    }

    private static String spanIdOf(TraceParent trace) {
        return Span.fromContext(TraceParent.parentContext(trace.traceparent(), trace.tracestate())).getSpanContext().getSpanId();
    }

    private static ConsumerRecord<String, String> received(ProducerRecord<String, String> published) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 3, 42L, published.key(), published.value());
        published.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    private static IncomingEvent event(String subject) {
        return new IncomingEvent(UUID.randomUUID(), "/harbor/deal-service", "org.iprharbor.deal.deal-opened.v1", subject, 0,
                Instant.now(), "{}");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
