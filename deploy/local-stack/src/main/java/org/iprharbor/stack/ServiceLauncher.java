package org.iprharbor.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iprharbor.infra.PostgresServer;

/**
 * Starts a packaged service ({@code java -jar target/quarkus-app/quarkus-run.jar}) pointed at the local
 * broker, its own database, the demo key and (when the stack traces) the trace viewer, and waits until its readiness
 * check says UP.
 */
final class ServiceLauncher {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private ServiceLauncher() {
    }

    static Path jarOf(StackConfig config, StackConfig.ServiceSpec service) {
        return config.projectRoot().resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Starts one instance of a service; {@code instance} names its log and pid files (a second one differs). */
    static ManagedProcess start(StackConfig config, StackConfig.ServiceSpec service, String instance,
            PostgresServer postgres, Path publicKey) throws IOException {
        return start(config, service, instance, postgres, publicKey, Map.of());
    }

    /** The same, with {@code extraEnvironment} beside (and over) the stack's own settings. */
    static ManagedProcess start(StackConfig config, StackConfig.ServiceSpec service, String instance,
            PostgresServer postgres, Path publicKey, Map<String, String> extraEnvironment) throws IOException {
        Path jar = jarOf(config, service);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (deploy/local-stack/run does)");
        }
        Map<String, String> environment = new HashMap<>(Map.of(
                "HTTP_PORT", String.valueOf(service.port()),
                "DB_JDBC_URL", postgres.jdbcUrl(service.database()),
                "DB_USER", PostgresServer.USER,
                "DB_PASSWORD", PostgresServer.PASSWORD,
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap(),
                "JWT_PUBLIC_KEY_LOCATION", publicKey.toUri().toString(),
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(config.smtpPort()),
                // local integrators test their webhook receivers on this machine
                "WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
                // people read these logs (and CI greps their WARN and ERROR lines): plain text, not production's JSON
                "HARBOR_LOG_JSON", "false"));
        if (config.tracing()) {
            environment.putAll(TraceViewer.serviceEnvironment(config));
        }
        environment.putAll(extraEnvironment);
        // in the application's directory: the class-data archive names its jar by a path relative to it
        return ManagedProcess.startJava(instance, jvmArgs(jar), environment, config, jar.getParent());
    }

    /**
     * The services' JVM settings (with the class-data archive the build made, when there is one), then
     * {@code HARBOR_SERVICE_JVM_OPTS} (say, {@code -XX:StartFlightRecording=...} to profile a benchmark run), then the
     * launcher's {@link LocalStack#SERVICE_JVM_OPTIONS}; the later win. The serial collector and the C1 compiler alone
     * suit a stack that lives minutes to hours on a laptop or a CI machine: measured side by side with G1 and tiered
     * compilation (docs/benchmarks/tuning.md), each service started alone in 4.3–4.6 s instead of 5.7–6.9 s, used 204–220 MB instead
     * of 261–283 MB, and the platform spent 45 instead of 52 ms of CPU per offer, since C2's compilations never paid for
     * themselves within a run. The container images keep G1 and C2: a long-lived instance earns back C2's compilations
     * (without them, 31 instead of 45 ms per offer in the same runs), and G1 bounds pauses on a container-sized heap.
     */
    private static List<String> jvmArgs(Path jar) {
        List<String> args = new ArrayList<>(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        Path classArchive = jar.resolveSibling("app-cds.jsa"); // written by the build (quarkus.package.jar.appcds)
        if (Files.exists(classArchive)) {
            args.add("-XX:SharedArchiveFile=" + classArchive.getFileName());
        }
        for (String extra : List.of(System.getenv().getOrDefault("HARBOR_SERVICE_JVM_OPTS", ""),
                System.getProperty(LocalStack.SERVICE_JVM_OPTIONS, ""))) {
            if (!extra.isBlank()) {
                args.addAll(List.of(extra.trim().split("\\s+")));
            }
        }
        args.addAll(List.of("-jar", jar.getFileName().toString()));
        return args;
    }

    static void awaitReady(StackConfig.ServiceSpec service, ManagedProcess process) throws InterruptedException {
        process.awaitAnswering(URI.create(service.baseUrl() + "/q/health/ready"), READY_TIMEOUT, service.name());
    }
}
