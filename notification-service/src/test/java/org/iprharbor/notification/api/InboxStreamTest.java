package org.iprharbor.notification.api;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.inbox.StreamCursor;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.SseStream;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The live inbox stream, read by an independent SSE client: every event carries its cursor as {@code id:}, a client
 * that reconnects with Last-Event-ID (header or query) gets exactly what it missed, in order, and then the new items;
 * idle streams get heartbeats; and many streams cost the database one poll, not one each.
 */
@QuarkusTest
class InboxStreamTest {

    private static final String TITLES = "{\"en\":\"Drip irrigation emitter for saline water\",\"zh\":\"咸水滴灌灌水器\"}";
    private static final Pattern POLLS = Pattern.compile("harbor_inbox_stream_queries_total\\{kind=\"poll\"[^}]*} ([0-9.E]+)");
    private static final Pattern OPEN = Pattern.compile("harbor_inbox_streams_open(?:\\{[^}]*})? ([0-9.E]+)");
    private static final Pattern CATCH_UPS = Pattern.compile("harbor_inbox_stream_queries_total\\{kind=\"catch-up\"[^}]*} ([0-9.E]+)");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldResumeFromLastEventIdWithExactlyTheMissedItemsInOrder() {
        UUID buyer = buyer("Tashkent Institute of Irrigation", "UZ", "uz");
        Seller seller = seller();
        String token = TestTokens.partner(buyer);

        List<SseStream.Event> before;
        try (SseStream first = SseStream.open(streamUrl(), token, null)) {
            offers(3, buyer, seller);
            before = first.awaitEvents(3);
        }
        offers(3, buyer, seller); // while nobody listens
        await().atMost(CatalogAndDeals.WAIT).until(() -> inboxIds(token).size() == 6);

        List<SseStream.Event> resumed;
        try (SseStream second = SseStream.open(streamUrl(), token, before.get(before.size() - 1).id())) {
            second.awaitEvents(3);
            offers(1, buyer, seller); // and the stream goes on live
            resumed = second.awaitEvents(4);
        }

        assertThat(before).hasSize(3);
        assertThat(resumed).hasSize(4);
        List<SseStream.Event> all = new ArrayList<>(before);
        all.addAll(resumed);
        assertThat(all).extracting(event -> itemId(event)).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(inboxIds(token));
        assertInStreamOrder(all);
        assertThat(resumed).allSatisfy(event -> assertThat(event.data()).contains("\"language\":\"uz\""));

        // a browser's EventSource cannot set headers on a new connection: the same resume as a query parameter
        try (SseStream third = SseStream.open(streamUrl() + "?lastEventId=" + resumed.get(1).id(), token, null)) {
            List<SseStream.Event> again = third.awaitEvents(2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> third.events().size() == 2);
            assertThat(again).extracting(SseStream.Event::id).containsExactly(resumed.get(2).id(), resumed.get(3).id());
        }
    }

    @Test
    void shouldRefuseALastEventIdItDidNotSend() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).header("Last-Event-ID", "2026-11-30T08:00:00Z")
                .when().get("/inbox/stream")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void shouldSendHeartbeatsOnAnIdleStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl()))
                .header("Authorization", "Bearer " + TestTokens.partner(UUID.randomUUID()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        // the test profile's heartbeat is 1 s; proxies' idle timeouts are tens of seconds
        CompletableFuture<List<String>> firstTwoLines = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                return lines.lines().filter(line -> !line.isEmpty()).limit(2).toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> lines = firstTwoLines.get(10, TimeUnit.SECONDS);
        assertThat(lines).containsExactly(":heartbeat", ":heartbeat");
    }

    @Test
    void shouldServeManyStreamsFromOnePollNotOnePerStream() {
        Seller seller = seller();
        List<UUID> buyers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buyers.add(buyer("Kyrgyz State Technical University " + i, "KG", "ru"));
        }
        double catchUpsBefore = metric(CATCH_UPS);
        List<SseStream> streams = new ArrayList<>();
        try {
            for (UUID buyer : buyers) {
                for (int i = 0; i < 3; i++) {
                    streams.add(SseStream.open(streamUrl(), TestTokens.partner(buyer), null));
                }
            }
            await().atMost(CatalogAndDeals.WAIT).until(() -> metric(OPEN) == 30);
            double pollsBefore = metric(POLLS);
            long start = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true); // a window of idle polling
            double polls = metric(POLLS) - pollsBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            // the test profile polls every 200 ms: about 5 a second whatever the number of streams; one poll per
            // stream would be 30 times that
            assertThat(polls / seconds).as("polls per second with 30 open streams").isLessThan(8);
            assertThat(metric(CATCH_UPS) - catchUpsBefore).as("at most one catch-up read per opened stream")
                    .isLessThanOrEqualTo(30);

            for (UUID buyer : buyers) {
                offers(1, buyer, seller);
            }
            for (int i = 0; i < streams.size(); i++) {
                UUID buyer = buyers.get(i / 3);
                List<SseStream.Event> events = streams.get(i).awaitEvents(1);
                assertThat(events).hasSize(1);
                assertThat(itemId(events.get(0))).isEqualTo(inboxIds(TestTokens.partner(buyer)).get(0));
            }
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    private record Seller(UUID id, UUID patent) {
    }

    private static UUID buyer(String name, String country, String language) {
        return CatalogAndDeals.partner(name, country, List.of(language), "Asia/Tashkent",
                "tto-" + UUID.randomUUID() + "@" + country.toLowerCase() + ".example");
    }

    private static Seller seller() {
        UUID seller = CatalogAndDeals.partner("Northwest A&F University", "CN", List.of("zh"), "Asia/Shanghai",
                "tto-" + UUID.randomUUID() + "@nwafu.example");
        return new Seller(seller, CatalogAndDeals.patent(seller, TITLES, "A01G 25/02", "CN"));
    }

    /** {@code count} new offers to the seller from the buyer: one inbox item each for the buyer. */
    private static void offers(int count, UUID buyer, Seller seller) {
        for (int i = 0; i < count; i++) {
            CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", UUID.randomUUID(), seller.patent(), buyer, seller.id(),
                    "UZ", "CN", 0);
        }
    }

    private String streamUrl() {
        return "http://localhost:" + port + "/inbox/stream";
    }

    private static List<String> inboxIds(String token) {
        JsonPath page = given().auth().oauth2(token).queryParam("limit", 100).when().get("/inbox")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items.id", String.class);
    }

    private static String itemId(SseStream.Event event) {
        return JsonPath.from(event.data()).getString("id");
    }

    private static void assertInStreamOrder(List<SseStream.Event> events) {
        Set<String> ids = new HashSet<>();
        StreamCursor previous = null;
        for (SseStream.Event event : events) {
            assertThat(ids.add(event.id())).as("event id %s once", event.id()).isTrue();
            StreamCursor cursor = StreamCursor.parse(event.id());
            if (previous != null) {
                assertThat(cursor).as("event id after %s", previous).isGreaterThan(previous);
            }
            previous = cursor;
        }
    }

    private static double metric(Pattern pattern) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = pattern.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
