package org.iprharbor.stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.iprharbor.infra.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack as a developer runs it, on free ports in a temporary home: every part is a real process,
 * the demo data crosses Kafka into the other services' databases, a restart keeps the data, and stopping
 * leaves no process behind.
 */
class LocalStackIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldStartSeedRestartAndStopCleanly() throws Exception {
        StackConfig config = freshConfig();
        List<ProcessHandle> children;
        try (LocalStack stack = LocalStack.start(config)) {
            for (StackConfig.ServiceSpec service : config.services()) {
                assertThat(get(service.baseUrl() + "/q/health/ready", null).statusCode()).isEqualTo(200);
            }
            String operator = Files.readAllLines(config.home().resolve("tokens.env")).stream()
                    .filter(line -> line.startsWith("OPERATOR_TOKEN=")).findFirst().orElseThrow().substring(15);
            assertThat(get(config.services().get(0).baseUrl() + "/partners?size=1", operator).body()).contains("\"total\":12");
            assertThat(get(config.services().get(0).baseUrl() + "/patents/facets", operator).body())
                    .contains("\"CN\":");
            assertThat(count(stack.postgres(), "catalog", "patent")).isEqualTo(220);
            assertThat(stack.demoPartners()).hasSize(12).containsKeys("lzu", "satbayev", "sinai-water");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(count(stack.postgres(), "deal", "known_partner")).isEqualTo(12);
                assertThat(count(stack.postgres(), "deal", "known_patent")).isEqualTo(220);
                assertThat(count(stack.postgres(), "notification", "partner_contact")).isEqualTo(12);
            });
            offerAcrossTheSilkRoad(stack);
            children = children(config);
            assertThat(children).hasSize(4).allMatch(ProcessHandle::isAlive);
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.exists(config.home().resolve("postgres/postmaster.pid"))).isFalse();

        try (LocalStack restarted = LocalStack.start(config)) {
            assertThat(restarted.demoPartners()).hasSize(12);
            assertThat(count(restarted.postgres(), "catalog", "patent")).isEqualTo(220);
        }
    }

    /**
     * Satbayev University (KZ) offers for a patent of Lanzhou University (CN): deal-service accepts it against its
     * read model, and notification-service emails both parties through the local SMTP server.
     */
    private void offerAcrossTheSilkRoad(LocalStack stack) throws Exception {
        StackConfig config = stack.config();
        String buyer = stack.keys().token(stack.demoPartners().get("satbayev"), "partner", Duration.ofMinutes(10));
        String patents = get(config.services().get(0).baseUrl() + "/patents?owner=" + stack.demoPartners().get("lzu")
                + "&dealType=NON_EXCLUSIVE_LICENCE&exportClass=FREE&limit=1", buyer).body();
        String patentId = patents.replaceFirst("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        int mailsBefore = stack.mailsReceived();
        String offer = """
                {"patentId":"%s","dealType":"NON_EXCLUSIVE_LICENCE","validUntil":"%s",
                 "terms":{"price":{"amount":"120000.00","currency":"CNY"},"royaltyPercent":2.5,"territory":["KZ"],
                          "termYears":5,"fieldOfUse":"mining equipment"}}""".formatted(patentId, java.time.Instant.now().plus(Duration.ofDays(14)));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(config.services().get(1).baseUrl() + "/deals"))
                .header("Authorization", "Bearer " + buyer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(offer)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.mailsReceived() >= mailsBefore + 2);
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        Optional.ofNullable(token).ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(PostgresServer postgres, String database, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD); ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<ProcessHandle> children(StackConfig config) throws IOException {
        List<ProcessHandle> handles = new ArrayList<>();
        try (var pidFiles = Files.list(config.pids())) {
            for (Path pidFile : pidFiles.toList()) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(handles::add);
            }
        }
        return handles;
    }

    private static StackConfig freshConfig() throws IOException {
        StackConfig defaults = StackConfig.fromEnvironment();
        return new StackConfig(defaults.projectRoot(), Files.createTempDirectory("harbor-local-stack-it"),
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
