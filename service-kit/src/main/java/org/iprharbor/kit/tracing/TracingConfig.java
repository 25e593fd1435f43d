package org.iprharbor.kit.tracing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Where the spans go. Tracing itself is switched by {@code quarkus.otel.sdk.disabled} (off unless
 * {@code OTEL_SDK_DISABLED=false}) and sampled by {@code quarkus.otel.traces.sampler.arg}; see docs/observability.md.
 */
@ConfigMapping(prefix = "harbor.tracing")
public interface TracingConfig {

    /**
     * A Zipkin server's span endpoint (e.g. {@code http://localhost:9411/api/v2/spans}, what the local stack's trace
     * viewer listens on); spans then go there in Zipkin's format. Unset: Quarkus' OTLP exporter sends them to
     * {@code quarkus.otel.exporter.otlp.endpoint} (an OpenTelemetry collector).
     */
    @WithName("zipkin-endpoint")
    Optional<String> zipkinEndpoint();
}
