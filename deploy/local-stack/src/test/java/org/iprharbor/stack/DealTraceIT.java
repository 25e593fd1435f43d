package org.iprharbor.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One offer followed through the traced local stack, as an operator would follow it: the offer's request, its event
 * on Kafka, each service that consumed it and each delivery form one trace in the stack's Zipkin, with spans of all
 * three services; the integrator's webhook request carries that trace's id; the ops dashboard's deal timeline links
 * the event to the trace, and the link opens it in the viewer (screenshot in target/screenshots/trace-viewer.png, the
 * one docs/observability.md shows).
 */
class DealTraceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldFollowOneOfferFromItsRequestToTheWebhookInOneTrace() throws Exception {
        List<Webhook> webhooks = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            webhooks.add(new Webhook(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (LocalStack stack = LocalStack.start(StackConfig.forTests("deal-trace-it").withTracing())) {
            subscribe(stack, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");

            HttpResponse<String> offer = DemoTraffic.offerAcrossTheSilkRoad(stack);
            assertThat(offer.statusCode()).as(offer.body()).isEqualTo(201);
            String dealId = DemoTraffic.idOf(offer.body());

            Webhook webhook = await().atMost(WAIT).until(() -> webhooks.stream()
                    .filter(request -> request.body().contains(dealId)).findFirst(), Optional::isPresent).orElseThrow();
            String traceparent = webhook.header("traceparent");
            assertThat(traceparent).as("the webhook request carries the trace").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            String traceId = traceparent.split("-")[1];
            String webhookParent = traceparent.split("-")[2];

            JsonNode trace = await().atMost(WAIT).until(() -> trace(stack, traceId), spans -> services(spans).size() == 3
                    && hasSpan(spans, "deliver webhook", webhookParent));
            assertThat(services(trace)).containsExactlyInAnyOrder("catalog-service", "deal-service", "notification-service");
            JsonNode root = only(trace, span -> !span.has("parentId"));
            assertThat(root.path("localEndpoint").path("serviceName").asText()).isEqualTo("deal-service");
            assertThat(root.path("kind").asText()).isEqualTo("SERVER");
            assertThat(root.path("name").asText()).containsIgnoringCase("post").contains("/deals");
            assertThat(spanNames(trace)).contains("publish harbor.deals.v1", "process harbor.deals.v1", "deliver webhook",
                    "deliver email");

            followTheTimelineToTheTrace(stack, dealId, traceId);
        } finally {
            receiver.stop(0);
        }
    }

    /** The ops dashboard's timeline links the deal's event to its trace, and the link opens the trace in Zipkin. */
    private static void followTheTimelineToTheTrace(LocalStack stack, String dealId, String traceId) throws Exception {
        String notification = stack.config().services().get(2).baseUrl();
        try (Browser browser = Browser.start(Path.of("target", "screenshots"))) {
            ChromeDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, WAIT, Duration.ofMillis(200));
            page.get(notification + "/ops/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                    .sendKeys(stack.keys().token(LocalStack.OPERATOR_ID, "operator", Duration.ofMinutes(10)));
            page.findElement(By.id("login-button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-id"))).sendKeys(dealId);
            page.findElement(By.id("timeline-go")).click();
            String link = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#timeline-rows li.timeline-entry a.trace-link"))).getAttribute("href");
            assertThat(link).isEqualTo("http://localhost:" + stack.config().zipkinPort() + "/zipkin/traces/" + traceId);

            page.get(link);
            wait.until(driver -> driver.getPageSource().contains("notification-service")
                    && driver.getPageSource().contains("catalog-service"));
            Thread.sleep(1_000); // the viewer draws its timeline after the data arrives; a picture, not an assertion
            browser.screenshot("trace-viewer", page);
        }
    }

    private static void subscribe(LocalStack stack, String url) throws IOException, InterruptedException {
        String integrator = stack.keys().token(LocalStack.INTEGRATOR_ID, "integrator", Duration.ofMinutes(10));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(stack.config().services().get(2).baseUrl() + "/subscriptions"))
                .header("Authorization", "Bearer " + integrator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s", "eventTypes": ["org.iprharbor.deal.deal-opened.v1"]}""".formatted(url)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static JsonNode trace(LocalStack stack, String traceId) throws IOException, InterruptedException {
        HttpResponse<String> answer = DemoTraffic.get("http://localhost:" + stack.config().zipkinPort() + "/api/v2/trace/"
                + traceId, null);
        return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.createArrayNode();
    }

    private static Set<String> services(JsonNode spans) {
        return stream(spans).stream().map(span -> span.path("localEndpoint").path("serviceName").asText())
                .collect(Collectors.toSet());
    }

    private static List<String> spanNames(JsonNode spans) {
        return stream(spans).stream().map(span -> span.path("name").asText()).toList();
    }

    private static boolean hasSpan(JsonNode spans, String name, String id) {
        return stream(spans).stream().anyMatch(span -> name.equals(span.path("name").asText()) && id.equals(span.path("id").asText()));
    }

    private static JsonNode only(JsonNode spans, Predicate<JsonNode> which) {
        List<JsonNode> matching = stream(spans).stream().filter(which).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<JsonNode> stream(JsonNode spans) {
        List<JsonNode> all = new ArrayList<>();
        spans.forEach(all::add);
        return all;
    }

    /** A request the integrator's receiver got. */
    private record Webhook(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
