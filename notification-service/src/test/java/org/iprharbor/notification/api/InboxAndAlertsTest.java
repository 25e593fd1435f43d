package org.iprharbor.notification.api;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Alerts on newly listed patents, the inbox with its pages, unread count and live stream, and that nobody
 * reads or changes another partner's notifications or alerts.
 */
@QuarkusTest
class InboxAndAlertsTest {

    private static final String TITLES = "{\"en\":\"Solid-state electrolyte for lithium batteries\",\"zh\":\"锂电池固态电解质\"}";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void shouldAlertOnAMatchingNewPatentButNeverAboutOnesOwn() {
        UUID watcher = CatalogAndDeals.partner("Vietnam Academy of Science and Technology", "VN", List.of("vi", "en"),
                "Asia/Ho_Chi_Minh", "tto-" + UUID.randomUUID() + "@vast.vn.example");
        given().auth().oauth2(TestTokens.partner(watcher)).contentType(ContentType.JSON)
                .body(Map.of("ipcPrefixes", List.of("H01M"), "jurisdictions", List.of("CN")))
                .when().post("/alerts").then().statusCode(201);
        UUID otherOwner = UUID.randomUUID();
        UUID matching = CatalogAndDeals.patent(otherOwner, TITLES, "H01M 10/0562", "CN");
        CatalogAndDeals.patent(otherOwner, TITLES, "C02F 1/14", "CN");
        CatalogAndDeals.patent(watcher, TITLES, "H01M 10/0525", "CN");

        await().atMost(CatalogAndDeals.WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(watcher))
                .when().get("/inbox").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].subjectId", equalTo(matching.toString()))
                .body("items[0].language", equalTo("vi"))
                .body("unread", equalTo(1)));
    }

    @Test
    void shouldPageTheInboxNewestFirstAndCountUnread() {
        UUID partner = CatalogAndDeals.partner("Kapadokya Aerospace", "TR", List.of("tr"), "Europe/Istanbul",
                "ops-" + UUID.randomUUID() + "@kapadokya.example");
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai",
                "tto-" + UUID.randomUUID() + "@lzu.example");
        UUID patent = CatalogAndDeals.patent(seller, TITLES, "H01M 10/0562", "CN");
        UUID deal = UUID.randomUUID();
        String[] types = {"deal-opened", "offer-countered", "offer-accepted"};
        for (int i = 0; i < types.length; i++) {
            CatalogAndDeals.dealEvent(UUID.randomUUID(), types[i], deal, patent, partner, seller, "TR", "CN", i);
        }
        String token = TestTokens.partner(partner);
        await().atMost(CatalogAndDeals.WAIT).until(() -> given().auth().oauth2(token).when().get("/inbox")
                .then().extract().jsonPath().getInt("unread") == 3);

        JsonPath first = given().auth().oauth2(token).queryParam("limit", 2).when().get("/inbox").then().statusCode(200)
                .extract().jsonPath();
        JsonPath second = given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/inbox").then().statusCode(200).extract().jsonPath();
        List<String> ids = new java.util.ArrayList<>(first.getList("items.id"));
        ids.addAll(second.getList("items.id"));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(first.getList("items.eventType", String.class)).first().isEqualTo("org.iprharbor.deal.offer-accepted.v1");

        given().auth().oauth2(token).when().post("/inbox/" + ids.get(0) + "/read").then().statusCode(200);
        given().auth().oauth2(token).when().get("/inbox").then().body("unread", equalTo(2));
        given().auth().oauth2(TestTokens.partner(seller)).when().post("/inbox/" + ids.get(1) + "/read").then().statusCode(404);
    }

    @Test
    void shouldStreamNewItemsAsServerSentEvents() throws Exception {
        UUID partner = CatalogAndDeals.partner("Sinai Water Research Centre", "EG", List.of("ar", "en"), "Africa/Cairo",
                "tto-" + UUID.randomUUID() + "@sinai.eg.example");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/inbox/stream"))
                .header("Authorization", "Bearer " + TestTokens.partner(partner)).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<String> firstData = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                return lines.lines().filter(line -> line.startsWith("data:")).findFirst().orElse("");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai", "tto@lzu.example");
        UUID patent = CatalogAndDeals.patent(seller, TITLES, "C02F 1/14", "CN");
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", UUID.randomUUID(), patent, partner, seller, "EG", "CN", 0);

        String data = firstData.get(30, TimeUnit.SECONDS);
        assertThat(data).contains("\"language\":\"ar\"").contains("org.iprharbor.deal.deal-opened.v1");
    }

    @Test
    void shouldKeepAlertsPrivateAndRejectEmptyOnes() {
        UUID owner = UUID.randomUUID();
        String id = given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON)
                .body(Map.of("keywords", List.of("desalination")))
                .when().post("/alerts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).when().delete("/alerts/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.partner(owner)).when().get("/alerts").then().body("id", hasItem(id));
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(Map.of())
                .when().post("/alerts").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON)
                .body(Map.of("ipcPrefixes", List.of("lithium")))
                .when().post("/alerts").then().statusCode(400).body("errors[0].field", equalTo("ipcPrefixes[0]"));
        given().auth().oauth2(TestTokens.partner(owner)).when().delete("/alerts/" + id).then().statusCode(204);
    }
}
