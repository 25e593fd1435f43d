package org.iprharbor.kit.tracing;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;

/**
 * The tracer of the platform's own spans (events published and applied, deliveries). While tracing is off it is a
 * no-op tracer: Quarkus' disabled SDK would still make, and then drop, a real span for each event. A no-op span keeps
 * its parent's context, so a trace that arrives in a record still reaches the next hop unchanged.
 */
@Singleton
public class PlatformTracer {

    private static final String INSTRUMENTATION = "org.iprharbor.harbor";

    private final Tracer tracer;

    PlatformTracer(OpenTelemetry openTelemetry, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean disabled) {
        this.tracer = disabled ? TracerProvider.noop().get(INSTRUMENTATION) : openTelemetry.getTracer(INSTRUMENTATION);
    }

    public Tracer get() {
        return tracer;
    }
}
