package org.iprharbor.notification.delivery;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.kit.tracing.PlatformTracer;
import org.iprharbor.kit.tracing.TraceParent;
import org.iprharbor.notification.domain.Delivery;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * Each delivery attempt as a span in the trace of the event that queued it (the trace the delivery row keeps), current
 * while the channel sends, so a webhook request carries it to the receiver as {@code traceparent}.
 */
@ApplicationScoped
public class DeliverySpans {

    private static final AttributeKey<String> DELIVERY_ID = AttributeKey.stringKey("harbor.delivery.id");
    private static final AttributeKey<String> TARGET_ID = AttributeKey.stringKey("harbor.delivery.target_id");
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("harbor.delivery.attempt");
    private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");

    private final Tracer tracer;

    DeliverySpans(PlatformTracer tracer) {
        this.tracer = tracer.get();
    }

    Outcome attempt(Delivery delivery, Supplier<Outcome> send) {
        Span span = tracer.spanBuilder("deliver " + delivery.channel.name().toLowerCase())
                .setSpanKind(SpanKind.CLIENT)
                .setParent(TraceParent.parentContext(delivery.traceparent, delivery.tracestate))
                .setAttribute(DELIVERY_ID, delivery.id.toString())
                .setAttribute(TARGET_ID, delivery.targetId.toString())
                .setAttribute(EVENT_ID, delivery.eventId.toString())
                .setAttribute(EVENT_TYPE, delivery.eventType)
                .setAttribute(ATTEMPT, delivery.attempts + 1L)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Outcome outcome = send.get();
            if (outcome.statusCode() != null) {
                span.setAttribute(STATUS_CODE, outcome.statusCode().longValue());
            }
            if (!outcome.delivered()) {
                span.setStatus(StatusCode.ERROR, String.valueOf(outcome.error()));
            }
            return outcome;
        } finally {
            span.end();
        }
    }
}
