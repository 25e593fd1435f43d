package org.iprharbor.notification.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Keeps the spans a test's traced run exports, to assert on. Tests run untraced (the SDK is off) unless their profile
 * switches it on, so this exporter stays empty everywhere else.
 */
@Singleton
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
