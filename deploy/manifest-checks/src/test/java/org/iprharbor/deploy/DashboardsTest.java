package org.iprharbor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iprharbor.deploy.Repository.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Grafana dashboards are well formed and follow the convention the services' DashboardMetricsTest relies on:
 * every metric is written as a selector {@code name{job=~"$service", ...}} (so a metric name is exactly an identifier
 * followed by '{'), and $service is the Prometheus job label, i.e. the service's name. Whether each metric is really
 * exposed is checked by each service against its live /q/metrics (DashboardMetricsTest in each service).
 */
class DashboardsTest {

    static final Path DASHBOARDS = Repository.ROOT.resolve("deploy/grafana/dashboards");

    /** PromQL functions, aggregations, keywords and the label names used in by(...) clauses. */
    private static final Set<String> NOT_METRICS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool",
            "histogram_quantile", "clamp_min", "clamp_max", "topk", "bottomk", "abs", "delta", "deriv", "time", "vector",
            "job", "instance", "method", "uri", "status", "outcome", "client_id", "area", "id", "le", "state", "channel");

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static List<JsonNode> dashboards() throws IOException {
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(Repository.JSON.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        return expressions;
    }

    @Test
    void dashboardsAreProvisionableAndCoverTheIssue() throws IOException {
        List<JsonNode> dashboards = dashboards();
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(3);
        Set<String> uids = new HashSet<>();
        Set<String> metrics = new TreeSet<>();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode dashboard : dashboards) {
            String title = dashboard.path("title").asText();
            soft.assertThat(uids.add(dashboard.path("uid").asText())).as(title + " unique uid").isTrue();
            soft.assertThat(dashboard.path("templating").findValues("name").stream().map(JsonNode::asText))
                    .as(title + " variables").contains("datasource", "service");
            JsonNode service = list(dashboard.at("/templating/list")).stream().filter(v -> "service".equals(v.path("name").asText())).findFirst().orElseThrow();
            soft.assertThat(List.of(service.path("query").asText().split(","))).as(title + " $service values are the job names")
                    .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
            for (JsonNode panel : list(dashboard.path("panels"))) {
                soft.assertThat(panel.path("targets").size()).as(title + " / " + panel.path("title").asText() + " queries").isPositive();
                soft.assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            }
            for (String expr : expressions(dashboard)) {
                soft.assertThat(unselectedIdentifiers(expr)).as("identifiers neither PromQL nor a selector in: " + expr).isEmpty();
                soft.assertThat(metricNames(expr)).as("metrics in: " + expr).isNotEmpty();
                soft.assertThat(selectors(expr)).as("every selector is scoped to $service or names one service's job in: " + expr)
                        .allSatisfy(selector -> assertThat(selector.contains("job=~\"$service\"")
                                || Repository.SERVICES.stream().anyMatch(job -> selector.contains("job=\"" + job + "\""))).isTrue());
                metrics.addAll(metricNames(expr));
            }
        }
        soft.assertThat(metrics).as("request rate/latency/errors, outbox depth/age, consumer lag, JVM memory").contains(
                "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
                "harbor_outbox_pending", "harbor_outbox_oldest_age_seconds", "harbor_outbox_published_total",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes", "harbor_deals", "harbor_deliveries_total");
        soft.assertAll();
    }

    /** Metric names: identifiers directly followed by '{' once strings and range selectors are removed. */
    static Set<String> metricNames(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{").matcher(RANGES.matcher(STRINGS.matcher(expr).replaceAll("\"\"")).replaceAll("[]"));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> selectors(String expr) {
        List<String> selectors = new ArrayList<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*\\{[^}]*}").matcher(expr);
        while (m.find()) {
            selectors.add(m.group());
        }
        return selectors;
    }

    private static Set<String> unselectedIdentifiers(String expr) {
        String stripped = RANGES.matcher(STRINGS.matcher(expr).replaceAll("\"\"")).replaceAll("[]")
                .replaceAll("[a-zA-Z_:][a-zA-Z0-9_:]*\\{[^}]*}", " ");
        Set<String> unknown = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(stripped);
        while (m.find()) {
            if (!NOT_METRICS.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }
}
