package org.iprharbor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iprharbor.deploy.Repository.SERVICES;
import static org.iprharbor.deploy.Repository.list;
import static org.iprharbor.deploy.Repository.texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/compose/docker-compose.yml parsed and held against the services' configuration. */
class ComposeFileTest {

    private static final JsonNode COMPOSE = Repository.yamlDocuments(Repository.read("deploy/compose/docker-compose.yml")).get(0);
    private static final JsonNode SERVICES_NODE = COMPOSE.path("services");

    @Test
    void everyPartIsPresentPinnedAndHealthChecked() {
        assertThat(Repository.fields(SERVICES_NODE).keySet()).containsExactlyInAnyOrder("kafka", "kafka-topics", "postgres",
                "catalog-service", "deal-service", "notification-service", "prometheus", "grafana");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(SERVICES_NODE.at("/kafka/image").asText()).isEqualTo("apache/kafka:4.1.2");
        soft.assertThat(SERVICES_NODE.at("/postgres/image").asText()).startsWith("postgres:17");
        Repository.fields(SERVICES_NODE).forEach((name, service) -> {
            String image = service.path("image").asText();
            soft.assertThat(KubernetesManifestsTest.imageTag(image)).as(name + " image " + image).isNotBlank().isNotEqualTo("latest");
            if (!"kafka-topics".equals(name)) {
                soft.assertThat(service.at("/healthcheck/test").isMissingNode()).as(name + " has a health check").isFalse();
            }
        });
        soft.assertAll();
    }

    @Test
    void servicesStartOnlyWhenDatabaseBrokerAndTopicsAreReady() {
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES) {
            JsonNode dependsOn = SERVICES_NODE.path(service).path("depends_on");
            soft.assertThat(dependsOn.at("/postgres/condition").asText()).as(service).isEqualTo("service_healthy");
            soft.assertThat(dependsOn.at("/kafka/condition").asText()).as(service).isEqualTo("service_healthy");
            soft.assertThat(dependsOn.at("/kafka-topics/condition").asText()).as(service).isEqualTo("service_completed_successfully");
            String health = String.join(" ", texts(SERVICES_NODE.path(service).at("/healthcheck/test")));
            soft.assertThat(health).as(service + " health check").contains("localhost:" + Repository.httpPort(service) + "/q/health/");
        }
        soft.assertThat(SERVICES_NODE.at("/kafka-topics/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
        for (String service : SERVICES) {
            soft.assertThat(SERVICES_NODE.at("/prometheus/depends_on/" + service + "/condition").asText()).isEqualTo("service_healthy");
        }
        soft.assertAll();
    }

    @Test
    void servicesAreBuiltFromTheirDockerfilesAndConfiguredOnlyByNamesTheyRead() {
        SoftAssertions soft = new SoftAssertions();
        Path composeDir = Repository.ROOT.resolve("deploy/compose");
        for (String service : SERVICES) {
            JsonNode node = SERVICES_NODE.path(service);
            Path context = composeDir.resolve(node.at("/build/context").asText()).normalize();
            soft.assertThat(context).as(service + " build context").isEqualTo(Repository.ROOT.resolve(service));
            soft.assertThat(Files.isRegularFile(context.resolve(node.at("/build/dockerfile").asText())))
                    .as(service + " Dockerfile " + node.at("/build/dockerfile").asText()).isTrue();
            Map<String, JsonNode> environment = Repository.fields(node.path("environment"));
            Set<String> read = Repository.environmentVariablesRead(service);
            soft.assertThat(environment.keySet()).as(service + " environment (it reads " + read + ")")
                    .isSubsetOf(read).containsAll(Repository.COMMON_ENVIRONMENT);
            if (read.contains("SMTP_HOST")) {
                soft.assertThat(environment).as(service + " sends email").containsKey("SMTP_HOST");
            }
            soft.assertThat(environment.get("HTTP_PORT").asText()).isEqualTo(String.valueOf(Repository.httpPort(service)));
            soft.assertThat(environment.get("DB_JDBC_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/" + Repository.database(service));
            soft.assertThat(environment.get("DB_USER").asText()).isEqualTo(Repository.database(service));
            soft.assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            soft.assertThat(texts(node.path("secrets"))).as(service + " gets the JWT public key").contains("jwt_public_key");
            soft.assertThat(environment.get("JWT_PUBLIC_KEY_LOCATION").asText()).contains("/run/secrets/jwt_public_key");
        }
        soft.assertThat(COMPOSE.at("/secrets/jwt_public_key/file").asText()).isNotBlank();
        soft.assertAll();
    }

    @Test
    void theTopicCreatorCreatesEveryTopicWithSixPartitions() {
        String command = String.join("\n", texts(SERVICES_NODE.at("/kafka-topics/command")))
                + String.join("\n", texts(SERVICES_NODE.at("/kafka-topics/entrypoint")));
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(command);
        assertThat(loop.find()).as("a for-loop over the topic names").isTrue();
        Set<String> created = new TreeSet<>(List.of(loop.group(1).trim().split("\\s+")));
        assertThat(created).containsExactlyInAnyOrderElementsOf(Repository.allTopics());
        Matcher partitions = Pattern.compile("--partitions (\\d+)").matcher(command);
        assertThat(partitions.find()).isTrue();
        assertThat(Integer.parseInt(partitions.group(1))).isGreaterThanOrEqualTo(6);
        assertThat(command).contains("--if-not-exists").contains("--bootstrap-server kafka:9092");
        assertThat(SERVICES_NODE.at("/kafka/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText()).isEqualTo("false");
        assertThat(SERVICES_NODE.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    }

    @Test
    void postgresHasADatabaseAndOwnerPerServiceWithTrigramsAndUtf8() {
        JsonNode postgres = SERVICES_NODE.path("postgres");
        assertThat(postgres.at("/environment/POSTGRES_INITDB_ARGS").asText()).contains("--locale=C.UTF-8").contains("--lc-ctype=C.UTF-8");
        String mount = list(postgres.path("volumes")).stream().map(JsonNode::asText)
                .filter(v -> v.contains("/docker-entrypoint-initdb.d/")).findFirst().orElseThrow();
        String script = Repository.read("deploy/compose/" + mount.substring(0, mount.indexOf(':')).replaceFirst("^\\./", ""));
        for (String service : SERVICES) {
            String database = Repository.database(service);
            assertThat(script).containsPattern("create_database " + database + " \"\\$" + database.toUpperCase() + "_DB_PASSWORD\"");
            assertThat(postgres.at("/environment/" + database.toUpperCase() + "_DB_PASSWORD").asText()).isNotBlank();
        }
        assertThat(script).contains("--dbname catalog -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'");
        assertThat(String.join(" ", texts(postgres.at("/healthcheck/test")))).contains("pg_isready -h 127.0.0.1");
    }

    @Test
    void prometheusScrapesEachServiceAsItsOwnJobAndGrafanaIsProvisioned() {
        JsonNode prometheus = Repository.yamlDocuments(Repository.read("deploy/grafana/prometheus.yml")).get(0);
        SoftAssertions soft = new SoftAssertions();
        for (String service : SERVICES) {
            JsonNode job = list(prometheus.path("scrape_configs")).stream()
                    .filter(j -> service.equals(j.path("job_name").asText())).findFirst().orElseThrow(() -> new AssertionError("no job " + service));
            soft.assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            soft.assertThat(texts(job.at("/static_configs/0/targets"))).containsExactly(service + ":" + Repository.httpPort(service));
        }
        String grafanaVolumes = String.join(" ", texts(SERVICES_NODE.at("/grafana/volumes")));
        soft.assertThat(grafanaVolumes).contains("../grafana/dashboards:").contains("../grafana/provisioning:/etc/grafana/provisioning");
        soft.assertThat(String.join(" ", texts(SERVICES_NODE.at("/prometheus/volumes")))).contains("../grafana/prometheus.yml:");
        JsonNode datasource = Repository.yamlDocuments(Repository.read("deploy/grafana/provisioning/datasources/prometheus.yml")).get(0);
        soft.assertThat(datasource.at("/datasources/0/uid").asText()).isEqualTo("prometheus");
        soft.assertThat(datasource.at("/datasources/0/url").asText()).isEqualTo("http://prometheus:9090");
        soft.assertAll();
    }
}
