package org.iprharbor.kit.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A span's identity as W3C Trace Context strings, kept with work that outlives the thread that started it (an outbox
 * row, a queued delivery, a received event), so whoever picks the work up later continues the same trace. These are
 * also the values of the CloudEvents distributed-tracing extension ({@code ce_traceparent}, {@code ce_tracestate}).
 *
 * @param traceparent {@code 00-<trace id>-<span id>-<flags>}
 * @param tracestate  vendor entries, or null when there are none
 */
public record TraceParent(String traceparent, String tracestate) {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    /** The current span's, or null when there is none (tracing off, or nothing traced on this thread). */
    public static TraceParent current() {
        return of(Context.current());
    }

    /** The span's in {@code context}, or null when it holds no valid span. */
    public static TraceParent of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, Map::put);
        String tracestate = carrier.get(TRACESTATE);
        return new TraceParent(carrier.get(TRACEPARENT), tracestate == null || tracestate.isEmpty() ? null : tracestate);
    }

    /**
     * A context whose span is the remote one these strings name, to start child spans in; the root context when
     * {@code traceparent} is null or malformed (a new trace then starts there).
     */
    public static Context parentContext(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(4);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), carrier, MapGetter.INSTANCE);
    }

    /** The 32-hex-digit trace id, under which a trace viewer finds the whole trace; null if malformed. */
    public String traceId() {
        SpanContext span = Span.fromContext(parentContext(traceparent, tracestate)).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
