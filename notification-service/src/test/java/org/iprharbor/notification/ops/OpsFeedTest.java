package org.iprharbor.notification.ops;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.ops.feed.LiveFeed;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.testing.contracts.EventFixtures;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live feed shows events of every platform topic (also those notification-service does not consume), with
 * their key fields, emails masked and secrets dropped; filters narrow it; the SSE stream sends new events live;
 * nobody watching, it stops reading Kafka, and starts again with the latest events when someone looks.
 */
@QuarkusTest
class OpsFeedTest {

    @Inject
    LiveFeed liveFeed;

    @TestHTTPResource("/ops/api/feed/stream")
    URL stream;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldShowAPartnerEventWithItsEmailMaskedAndItsSecretsDropped() {
        UUID partner = UUID.randomUUID();
        // the producer's own fields, plus fields a careless producer might add: the feed must not show their values
        EventFixtures.load("notification-service", "org.iprharbor.catalog.partner-registered.v1")
                .set("partnerId", partner).set("legalName", "Kazakh National University").set("country", "KZ")
                .set("contactEmail", "kaznu.tto@example.kz").set("apiToken", "tok_live_123")
                .setJson("nested", "{\"clientSecret\":\"s3cr3t\",\"note\":\"mail rector@kaznu.example.kz\"}")
                .publish(partner, UUID.randomUUID(), 0);

        JsonPath row = await().atMost(CatalogAndDeals.WAIT).until(() -> feed(Map.of("id", partner.toString())),
                rows -> rows.getList("$").size() == 1);
        assertThat(row.getString("[0].topic")).isEqualTo("harbor.partners.v1");
        assertThat(row.getString("[0].type")).isEqualTo("org.iprharbor.catalog.partner-registered.v1");
        assertThat(row.getString("[0].subject")).isEqualTo(partner.toString());
        assertThat(row.getString("[0].fields.legalName")).isEqualTo("Kazakh National University");
        assertThat(row.getString("[0].fields.country")).isEqualTo("KZ");
        assertThat(row.getString("[0].fields.contactEmail")).isEqualTo("k***@example.kz");
        String whole = row.prettify();
        assertThat(whole).doesNotContain("kaznu.tto@").doesNotContain("tok_live_123").doesNotContain("s3cr3t");
    }

    @Test
    void shouldFilterByTopicAndType() {
        UUID deal = UUID.randomUUID();
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "KZ", "CN", 0);
        await().atMost(CatalogAndDeals.WAIT).until(() -> feed(Map.of("id", deal.toString())).getList("$").size() == 1);

        assertThat(feed(Map.of("id", deal.toString(), "topic", "harbor.deals.v1", "type", "deal-opened")).getList("$")).hasSize(1);
        assertThat(feed(Map.of("id", deal.toString(), "topic", "harbor.patents.v1")).getList("$")).isEmpty();
        assertThat(feed(Map.of("id", deal.toString(), "type", "offer-accepted")).getList("$")).isEmpty();
        assertThat(feed(Map.of("topic", "harbor.deals.v1", "limit", "5")).getList("topic", String.class))
                .hasSizeBetween(1, 5).containsOnly("harbor.deals.v1");
    }

    @Test
    void shouldStreamANewEventToAConnectedClient() throws Exception {
        UUID patent = UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?backfill=0&topic=harbor.patents.v1&id=" + patent))
                .header("Authorization", TestTokens.bearer(TestTokens.operator())).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("text/event-stream"));
        CompletableFuture<Optional<String>> firstEvent = CompletableFuture.supplyAsync(
                () -> response.body().filter(line -> line.startsWith("data:")).findFirst());

        CatalogAndDeals.publishPatent(UUID.randomUUID(), patent, UUID.randomUUID(), "{\"en\":\"Solar still\"}", "C02F 1/14", "CN");

        String data = firstEvent.get(30, TimeUnit.SECONDS).orElseThrow().substring("data:".length());
        response.body().close();
        JsonPath entry = JsonPath.from(data);
        assertThat(entry.getString("subject")).isEqualTo(patent.toString());
        assertThat(entry.getString("type")).isEqualTo("org.iprharbor.catalog.patent-listed.v1");
        assertThat(entry.getString("fields.status")).isEqualTo("AVAILABLE");
    }

    @Test
    void shouldStopReadingKafkaWhileNobodyWatchesAndShowTheLatestEventsWhenSomeoneLooksAgain() {
        feed(Map.of("limit", "1"));
        await().atMost(CatalogAndDeals.WAIT).until(liveFeed::following);

        // %test.harbor.ops.feed-idle-after=2s
        await().atMost(Duration.ofSeconds(15)).until(() -> !liveFeed.following());
        UUID deal = UUID.randomUUID();
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "KZ", "CN", 0);

        await().atMost(CatalogAndDeals.WAIT).until(() -> feed(Map.of("id", deal.toString())).getList("$").size() == 1);
        assertThat(liveFeed.following()).isTrue();
    }

    private static JsonPath feed(Map<String, String> query) {
        return given().auth().oauth2(TestTokens.operator()).queryParams(query)
                .when().get("/ops/api/feed").then().statusCode(200).extract().jsonPath();
    }
}
