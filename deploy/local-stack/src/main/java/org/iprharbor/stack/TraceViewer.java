package org.iprharbor.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The stack's trace viewer: Zipkin's server ({@code io.zipkin:zipkin-server}, its executable jar from Maven Central,
 * which the build copies to {@code deploy/local-stack/target/trace-viewer/}) as its own process, keeping spans in
 * memory. The services send their spans to its {@code /api/v2/spans}; people read them at {@code /zipkin/}.
 */
final class TraceViewer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** The most spans kept (oldest traces dropped first): a long benchmark run would otherwise fill the heap. */
    private static final int MAX_SPANS = 200_000;

    private TraceViewer() {
    }

    static Path jarOf(StackConfig config) {
        return config.projectRoot().resolve("deploy/local-stack/target/trace-viewer/zipkin-server.jar");
    }

    /** Launches Zipkin without waiting for it: the services start meanwhile (spans sent before it listens are dropped). */
    static ManagedProcess launch(StackConfig config) throws IOException {
        Path jar = jarOf(config);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (deploy/local-stack/run does)");
        }
        return ManagedProcess.startJava("zipkin", List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()), Map.of(
                        "QUERY_PORT", String.valueOf(config.zipkinPort()),
                        "MEM_MAX_SPANS", String.valueOf(MAX_SPANS),
                        // it would read spans from the services' own broker, named by the variable they share
                        "COLLECTOR_KAFKA_ENABLED", "false"), config);
    }

    static void awaitReady(StackConfig config, ManagedProcess zipkin) throws InterruptedException {
        zipkin.awaitAnswering(URI.create("http://localhost:" + config.zipkinPort() + "/health"), READY_TIMEOUT,
                "the trace viewer (Zipkin)");
    }

    /** What a service needs to send its spans here, and the ops timeline to link to them. */
    static Map<String, String> serviceEnvironment(StackConfig config) {
        String zipkin = "http://localhost:" + config.zipkinPort();
        return Map.of("OTEL_SDK_DISABLED", "false",
                "OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkin + "/api/v2/spans",
                "OPS_TRACE_URL", zipkin + "/zipkin/traces/{traceId}");
    }
}
