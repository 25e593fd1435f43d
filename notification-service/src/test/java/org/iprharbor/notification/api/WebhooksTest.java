package org.iprharbor.notification.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.Integrators;
import org.iprharbor.notification.support.WebhookReceiver;
import org.iprharbor.notification.support.WebhookReceiver.Answer;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * Webhooks to a real HTTP receiver on loopback: signed so an independent Standard Webhooks implementation
 * verifies them, retried with backoff or as the receiver asks, disabled on 410, never held up by another
 * endpoint, replayable, rotatable, and private to their owner.
 */
@QuarkusTest
class WebhooksTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldDeliverASignedCloudEventThatAStandardWebhooksLibraryVerifies() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID integrator = UUID.randomUUID();
            JsonPath subscription = subscribe(integrator, receiver.url(), List.of("org.iprharbor.deal.*"));
            String secret = subscription.getString("secret");
            assertThat(secret).startsWith("whsec_");
            UUID deal = publishDeal();

            await().atMost(CatalogAndDeals.WAIT).until(() -> !about(receiver, deal).isEmpty());
            WebhookReceiver.Received request = about(receiver, deal).get(0);
            new Webhook(secret).verify(request.body(), request.headers());
            // CloudEvents structured mode: the event is the body, no ce-* headers; the signature covers those bytes
            assertThat(request.header("content-type")).isEqualTo("application/cloudevents+json; charset=utf-8");
            assertThat(request.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("ce-"));
            JsonPath cloudEvent = JsonPath.from(request.body());
            assertThat(cloudEvent.getString("specversion")).isEqualTo("1.0");
            assertThat(cloudEvent.getString("sequence")).as("the sequence extension: string order is version order")
                    .isEqualTo("00000000000000000000");
            assertThat(cloudEvent.getString("type")).isEqualTo("org.iprharbor.deal.deal-opened.v1");
            assertThat(cloudEvent.getString("data.dealId")).isEqualTo(deal.toString());
            assertThat(request.header("webhook-id")).isEqualTo(cloudEvent.getString("id"));
        }
    }

    @Test
    void shouldRetryAFailedDeliveryAndRecordEveryAttempt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(Answer.of(500), Answer.of(503))) {
            UUID integrator = UUID.randomUUID();
            String id = subscribe(integrator, receiver.url(), List.of("org.iprharbor.deal.deal-opened.v1")).getString("id");
            UUID deal = publishDeal();

            await().atMost(CatalogAndDeals.WAIT).until(() -> about(receiver, deal).size() == 3);
            List<String> ids = about(receiver, deal).stream().map(r -> r.header("webhook-id")).distinct().toList();
            assertThat(ids).as("the same webhook-id on every retry").hasSize(1);
            await().atMost(CatalogAndDeals.WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.mint(integrator, "integrator"))
                    .when().get("/subscriptions/" + id + "/deliveries")
                    .then().statusCode(200)
                    .body("find { it.eventId == '" + ids.get(0) + "' }.status", equalTo("DELIVERED"))
                    .body("find { it.eventId == '" + ids.get(0) + "' }.history.statusCode", equalTo(List.of(500, 503, 200))));
        }
    }

    @Test
    void shouldHonourRetryAfter() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(new Answer(429, Map.of("Retry-After", "2"), 0))) {
            subscribe(UUID.randomUUID(), receiver.url(), List.of("org.iprharbor.deal.deal-opened.v1"));
            UUID deal = publishDeal();

            await().atMost(CatalogAndDeals.WAIT).until(() -> about(receiver, deal).size() == 2);
            Duration gap = Duration.between(about(receiver, deal).get(0).at(), about(receiver, deal).get(1).at());
            assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    @Test
    void shouldDisableAnEndpointThatAnswers410AndTellItsOwner() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(Answer.of(410));
                KafkaProbe notifications = KafkaProbe.readFromStart("harbor.notifications.v1")) {
            UUID integrator = UUID.randomUUID();
            String id = subscribe(integrator, receiver.url(), List.of("org.iprharbor.deal.deal-opened.v1")).getString("id");
            publishDeal();

            await().atMost(CatalogAndDeals.WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.mint(integrator, "integrator"))
                    .when().get("/subscriptions/" + id)
                    .then().statusCode(200).body("enabled", equalTo(false)));
            notifications.await(record -> integrator.toString().equals(record.key())
                    && "org.iprharbor.notification.endpoint-disabled.v1".equals(KafkaProbe.header(record, "ce_type")),
                    1, CatalogAndDeals.WAIT);
            publishDeal();
            given().auth().oauth2(TestTokens.mint(integrator, "integrator")).when().get("/inbox")
                    .then().statusCode(200).body("items[0].title", equalTo("Webhook endpoint disabled"));
            assertThat(receiver.received()).hasSize(1);
        }
    }

    /**
     * Regression (fault suite, webhook-endpoint-faults, after outcomes were written in groups): the next event's
     * delivery went out while the 410 still waited to be written, so the gone endpoint got a second request.
     */
    @Test
    void shouldSendNothingMoreToAnEndpointAfterItAnswered410() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(Answer.of(410))) {
            UUID integrator = UUID.randomUUID();
            String id = subscribe(integrator, receiver.url(), List.of("org.iprharbor.deal.deal-opened.v1")).getString("id");
            for (int i = 0; i < 5; i++) {
                publishDeal();
            }

            await().atMost(CatalogAndDeals.WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.mint(integrator, "integrator"))
                    .when().get("/subscriptions/" + id)
                    .then().statusCode(200).body("enabled", equalTo(false)));
            // a second request would follow within the worker's next dispatches: the count must stay at one
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
        }
    }

    @Test
    void shouldNotLetAHangingEndpointDelayAHealthyOne() throws Exception {
        try (WebhookReceiver hanging = WebhookReceiver.start().delaying(5_000);
                WebhookReceiver healthy = WebhookReceiver.start()) {
            subscribe(UUID.randomUUID(), hanging.url(), List.of("org.iprharbor.deal.deal-opened.v1"));
            subscribe(UUID.randomUUID(), healthy.url(), List.of("org.iprharbor.deal.deal-opened.v1"));
            publishDeal();
            await().atMost(CatalogAndDeals.WAIT).until(() -> !hanging.received().isEmpty());
            Instant hangingStarted = hanging.received().get(0).at();
            await().atMost(CatalogAndDeals.WAIT).until(() -> !healthy.received().isEmpty());
            assertThat(Duration.between(hangingStarted, healthy.received().get(0).at())).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldSignWithBothSecretsDuringARotationAndReplayWithTheSameId() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID integrator = UUID.randomUUID();
            JsonPath created = subscribe(integrator, receiver.url(), List.of("org.iprharbor.deal.*"));
            String id = created.getString("id");
            String oldSecret = created.getString("secret");
            String newSecret = given().auth().oauth2(TestTokens.mint(integrator, "integrator"))
                    .when().post("/subscriptions/" + id + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            Instant before = Instant.now().minusSeconds(1);
            UUID deal = publishDeal();
            await().atMost(CatalogAndDeals.WAIT).until(() -> about(receiver, deal).size() == 1);
            WebhookReceiver.Received first = about(receiver, deal).get(0);
            new Webhook(oldSecret).verify(first.body(), first.headers());
            new Webhook(newSecret).verify(first.body(), first.headers());

            given().auth().oauth2(TestTokens.mint(integrator, "integrator")).queryParam("since", before.toString())
                    .when().post("/subscriptions/" + id + "/replay")
                    .then().statusCode(200).body("queued", greaterThanOrEqualTo(1));
            await().atMost(CatalogAndDeals.WAIT).until(() -> receiver.received().stream()
                    .filter(request -> first.header("webhook-id").equals(request.header("webhook-id"))).count() == 2);
        }
    }

    @Test
    void shouldResendWhenAReplayArrivesWhileTheDeliveryIsInFlight() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(new Answer(200, Map.of(), 1_500))) {
            UUID integrator = UUID.randomUUID();
            String id = subscribe(integrator, receiver.url(), List.of("org.iprharbor.deal.deal-opened.v1")).getString("id");
            Instant before = Instant.now().minusSeconds(1);
            UUID deal = publishDeal();
            await().atMost(CatalogAndDeals.WAIT).until(() -> about(receiver, deal).size() == 1);
            String webhookId = about(receiver, deal).get(0).header("webhook-id");

            given().auth().oauth2(TestTokens.mint(integrator, "integrator")).queryParam("since", before.toString())
                    .when().post("/subscriptions/" + id + "/replay").then().statusCode(200);

            await().atMost(CatalogAndDeals.WAIT).until(() -> receiver.received().stream()
                    .filter(request -> webhookId.equals(request.header("webhook-id"))).count() == 2);
        }
    }

    @Test
    void shouldKeepSubscriptionsPrivateToTheirOwner() {
        UUID owner = UUID.randomUUID();
        String id = subscribe(owner, "http://127.0.0.1:9/hooks", List.of("org.iprharbor.deal.*")).getString("id");
        String stranger = TestTokens.mint(UUID.randomUUID(), "integrator");
        given().auth().oauth2(stranger).when().get("/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/subscriptions/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(stranger).when().post("/subscriptions/" + id + "/rotate-secret").then().statusCode(404);
        given().auth().oauth2(stranger).when().delete("/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/subscriptions").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).when().get("/subscriptions").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).when().get("/subscriptions/" + id).then().statusCode(200)
                .body("secret", equalTo(null));
    }

    @Test
    void shouldRejectInvalidSubscriptionsNamingTheField() {
        given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.org/hook", "eventTypes", List.of("org.iprharbor.deal.*")))
                .when().post("/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        given().auth().oauth2(TestTokens.integrator()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://example.org/hook", "eventTypes", List.of("everything")))
                .when().post("/subscriptions")
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes[0]"));
    }

    private static JsonPath subscribe(UUID integrator, String url, List<String> types) {
        return Integrators.subscribe(integrator, url, types);
    }

    /** The requests about one deal: other tests' events may reach a subscription too (the database is shared). */
    private static List<WebhookReceiver.Received> about(WebhookReceiver receiver, UUID deal) {
        return receiver.received().stream().filter(request -> request.body().contains(deal.toString())).toList();
    }

    private static UUID publishDeal() {
        UUID deal = UUID.randomUUID();
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "KZ", "CN", 0);
        return deal;
    }
}
