package org.iprharbor.stack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void shouldStartSeedRestartAndStopCleanly() throws Exception {
        StackConfig config = StackConfig.forTests("local-stack-it");
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
            assertThat(count(stack.postgres(), "catalog", "need")).isEqualTo(32);
            assertThat(count(stack.postgres(), "catalog", "need_match")).as("demo needs that match demo patents").isGreaterThanOrEqualTo(10);
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
        int mailsBefore = stack.mailsReceived();
        HttpResponse<String> created = DemoTraffic.offerAcrossTheSilkRoad(stack);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.mailsReceived() >= mailsBefore + 2);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return DemoTraffic.get(url, token);
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
}
