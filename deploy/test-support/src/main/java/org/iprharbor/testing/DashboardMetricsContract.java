package org.iprharbor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.outbox.Outbox;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboards in deploy/grafana/dashboards query is one the service really exposes on
 * /q/metrics. Convention (checked by deploy/manifest-checks DashboardsTest): every selector is scoped with
 * job=~"$service", the job label being the service's name, and $service may be any of the three services, so
 * every dashboard metric must be exposed by every service; a selector pinned to another service
 * (job="other-service") is left to that service. Histogram and summary series (_bucket, _count, _sum) and
 * counters (_total) are matched to the base name the exposition declares in # TYPE. Some meters exist only once
 * used (harbor_outbox_published_total counts the first published event), so the test first makes traffic: one
 * unknown route and one outbox event on a test-only topic (never on the service's published topics, whose contract
 * {@link org.iprharbor.testing.contracts.ProducerContract} checks). Each service runs it with
 * {@code @QuarkusTest class DashboardMetricsTest extends DashboardMetricsContract}.
 */
public abstract class DashboardMetricsContract {

    private static final Path DASHBOARDS = Path.of("../deploy/grafana/dashboards");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern PINNED_JOB = Pattern.compile("job\\s*=\\s*\"([^\"$]+)\"");

    /** Created here before use: the relay publishes in order, so a topic it cannot reach would hold up the rest. */
    private static final String CHECK_TOPIC = "harbor.test.dashboard-metrics-check";

    private final String service;

    protected DashboardMetricsContract(String service) {
        this.service = service;
    }

    @Test
    void shouldExposeEveryMetricTheDashboardsQuery() throws IOException {
        Map<String, Set<String>> wanted = dashboardMetrics();
        assertThat(wanted).as("metrics the dashboards in " + DASHBOARDS.toAbsolutePath().normalize() + " attribute to " + service)
                .isNotEmpty();
        given().when().get("/definitely/not/here").then().statusCode(404);
        createCheckTopic();
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        QuarkusTransaction.requiringNew().run(() -> outbox.append(CHECK_TOPIC,
                "org.iprharbor." + service + ".dashboard-metrics-check.v1", UUID.randomUUID(), 1, Map.of("check", "dashboard metrics")));
        // jvm_gc_pause_seconds appears only after a collection; the service runs in this JVM, so make one happen
        System.gc();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Exposition exposition = Exposition.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
            Map<String, Set<String>> missing = new TreeMap<>();
            wanted.forEach((metric, where) -> {
                if (!exposition.exposes(metric)) {
                    missing.put(metric, where);
                }
            });
            assertThat(missing).as("dashboard metrics (with the dashboards using them) that " + service + " does not expose").isEmpty();
        });
    }

    private static void createCheckTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                HarborTestInfrastructure.running().kafka().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(CHECK_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + CHECK_TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + CHECK_TOPIC, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create " + CHECK_TOPIC, e);
        }
    }

    /** Metric name -> the dashboards that query it, for every selector this service can answer. */
    private Map<String, Set<String>> dashboardMetrics() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> metrics = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(DASHBOARDS)) {
            files = list.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("dashboards in " + DASHBOARDS.toAbsolutePath().normalize()).isNotEmpty();
        for (Path file : files) {
            JsonNode dashboard = json.readTree(file.toFile());
            for (JsonNode expr : dashboard.findValues("expr")) {
                Matcher selector = SELECTOR.matcher(RANGES.matcher(expr.asText()).replaceAll("[]"));
                while (selector.find()) {
                    Matcher pinned = PINNED_JOB.matcher(selector.group(2));
                    if (pinned.find() && !service.equals(pinned.group(1))) {
                        continue;
                    }
                    metrics.computeIfAbsent(selector.group(1), name -> new TreeSet<>()).add(file.getFileName().toString());
                }
            }
        }
        return metrics;
    }

    /** The Prometheus text exposition: series names and the declared type of each metric family. */
    private record Exposition(Set<String> series, Map<String, String> types) {

        private static final Map<String, Set<String>> SUFFIXES = Map.of(
                "_bucket", Set.of("histogram"),
                "_count", Set.of("histogram", "summary"),
                "_sum", Set.of("histogram", "summary"),
                "_total", Set.of("counter"));

        static Exposition parse(String text) {
            Set<String> series = new HashSet<>();
            Map<String, String> types = new HashMap<>();
            for (String line : text.split("\\R")) {
                if (line.startsWith("# TYPE ")) {
                    String[] parts = line.split("\\s+");
                    if (parts.length >= 4) {
                        types.put(parts[2], parts[3]);
                    }
                } else if (!line.isBlank() && !line.startsWith("#")) {
                    int end = 0;
                    while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                        end++;
                    }
                    series.add(line.substring(0, end));
                }
            }
            return new Exposition(series, types);
        }

        boolean exposes(String metric) {
            if (series.contains(metric)) {
                return true;
            }
            return SUFFIXES.entrySet().stream().anyMatch(suffix -> metric.endsWith(suffix.getKey())
                    && suffix.getValue().contains(types.getOrDefault(metric.substring(0, metric.length() - suffix.getKey().length()), "")));
        }
    }
}
