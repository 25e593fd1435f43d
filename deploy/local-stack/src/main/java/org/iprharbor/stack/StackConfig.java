package org.iprharbor.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the local stack keeps its data and which ports it uses. Every value can be overridden by an
 * environment variable, so a second stack (or a test) can run beside a developer's.
 *
 * @param tracing whether the services trace and the stack runs its trace viewer (Zipkin on {@code zipkinPort})
 */
public record StackConfig(Path projectRoot, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int catalogPort, int dealPort, int notificationPort, int smtpPort, int imapPort, boolean seed, int zipkinPort,
        boolean tracing) {

    public static StackConfig fromEnvironment() {
        Path root = findProjectRoot(Path.of("").toAbsolutePath());
        return new StackConfig(root,
                Path.of(env("HARBOR_HOME", root.resolve(".harbor").toString())).toAbsolutePath(),
                port("HARBOR_POSTGRES_PORT", 15432),
                port("HARBOR_KAFKA_PORT", 19092),
                port("HARBOR_KAFKA_CONTROLLER_PORT", 19093),
                port("HARBOR_CATALOG_PORT", 8081),
                port("HARBOR_DEAL_PORT", 8082),
                port("HARBOR_NOTIFICATION_PORT", 8083),
                port("HARBOR_SMTP_PORT", 2525),
                port("HARBOR_IMAP_PORT", 2143),
                !"false".equalsIgnoreCase(env("HARBOR_SEED", "true")),
                port("HARBOR_ZIPKIN_PORT", 9411),
                !"off".equalsIgnoreCase(env("HARBOR_TRACING", "on")));
    }

    /**
     * A second stack beside anyone's: every port free right now, its home under the calling module's
     * {@code target/stacks}, so a build's stacks are its own (and a CI failure's logs are easy to find). Untraced, so
     * no trace viewer runs, unless the test asks for it ({@link #withTracing()}).
     */
    public static StackConfig forTests(String name) throws IOException {
        StackConfig defaults = fromEnvironment();
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "stacks")), name + "-");
        return new StackConfig(defaults.projectRoot(), home.toAbsolutePath(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), freePort(), freePort(), true, freePort(), false);
    }

    /** The same stack, traced, with its trace viewer. */
    public StackConfig withTracing() {
        return new StackConfig(projectRoot, home, postgresPort, kafkaPort, kafkaControllerPort, catalogPort, dealPort,
                notificationPort, smtpPort, imapPort, seed, zipkinPort, true);
    }

    /** A port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public List<ServiceSpec> services() {
        return List.of(
                new ServiceSpec("catalog-service", "catalog", catalogPort),
                new ServiceSpec("deal-service", "deal", dealPort),
                new ServiceSpec("notification-service", "notification", notificationPort));
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    /** The trace viewer's web page (Zipkin's UI). */
    public String traceViewerUrl() {
        return "http://localhost:" + zipkinPort + "/zipkin/";
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pids() {
        return home.resolve("pids");
    }

    /** A service of the platform: its module directory, its own database and its HTTP port. */
    public record ServiceSpec(String name, String database, int port) {

        public String baseUrl() {
            return "http://localhost:" + port;
        }
    }

    private static Path findProjectRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("catalog-service")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the local stack from inside the IPR Harbor repository (not found above " + start + ")");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }
}
