package org.iprharbor.kit.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Sends spans to a Zipkin server when {@code harbor.tracing.zipkin-endpoint} names one (the local stack's trace
 * viewer). Without it the bean is not looked up, and Quarkus' own OTLP exporter, which steps aside for any
 * {@link SpanExporter} bean it finds, stays in charge.
 */
@Singleton
public class ZipkinExport {

    @Produces
    @Singleton
    // an empty value counts as unset, and an unset property fails this test: the bean exists only with an endpoint
    @LookupUnlessProperty(name = "harbor.tracing.zipkin-endpoint", stringValue = "", lookupIfMissing = false)
    SpanExporter zipkin(TracingConfig config) {
        String endpoint = config.zipkinEndpoint().orElseThrow();
        return ZipkinSpanExporter.builder()
                .setEndpoint(endpoint)
                // the JDK's HTTP client instead of the default OkHttp, which would bring Kotlin's runtime along
                .setSender(URLConnectionSender.create(endpoint))
                .setMeterProvider(MeterProvider.noop())
                .build();
    }
}
