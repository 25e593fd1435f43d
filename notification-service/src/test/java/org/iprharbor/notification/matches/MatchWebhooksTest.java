package org.iprharbor.notification.matches;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.notification.support.NeedsAndMatches;
import org.iprharbor.notification.support.WebhookReceiver;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.EventFixture;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integrators subscribe to match-found and need events by webhook: signed so the independent Standard Webhooks
 * library verifies them, filtered by the countries and deal types a match involves, and never carrying a need's
 * budget, even one a producer published by mistake.
 */
@QuarkusTest
class MatchWebhooksTest {

    private static final String MATCH_FOUND = "org.iprharbor.catalog.match-found.v1";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldDeliverAMatchToTheSubscriptionsWhoseFiltersItMeetsSignedForAStandardWebhooksLibrary() throws Exception {
        try (WebhookReceiver wanted = WebhookReceiver.start(); WebhookReceiver otherDealType = WebhookReceiver.start();
                WebhookReceiver otherCountry = WebhookReceiver.start()) {
            UUID integrator = UUID.randomUUID();
            String secret = subscribe(integrator, wanted.url(), List.of(MATCH_FOUND), List.of("KZ"), List.of("NON_EXCLUSIVE_LICENCE"))
                    .getString("secret");
            subscribe(integrator, otherDealType.url(), List.of(MATCH_FOUND), List.of(), List.of("ASSIGNMENT"));
            subscribe(integrator, otherCountry.url(), List.of("org.iprharbor.catalog.*"), List.of("VN"), List.of());
            UUID need = UUID.randomUUID();
            UUID matchEvent = NeedsAndMatches.publish(NeedsAndMatches.match(need, UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), NeedsAndMatches.publication()), need, UUID.randomUUID());
            // a later event for the same subscriptions: once it is delivered, the match was fanned out too
            UUID laterEvent = NeedsAndMatches.publish(NeedsAndMatches.match(need, UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), NeedsAndMatches.publication()).set("reasons", List.of(Map.of("kind", "TERRITORY_COVERED",
                    "values", List.of("VN"), "text", "In force in VN"), Map.of("kind", "DEAL_TYPE",
                    "values", List.of("ASSIGNMENT"), "text", "Deal type offered: ASSIGNMENT"))), need, UUID.randomUUID());

            await().atMost(CatalogAndDeals.WAIT).until(() -> about(wanted, matchEvent).size() == 1
                    && about(otherDealType, laterEvent).size() == 1 && about(otherCountry, laterEvent).size() == 1);
            WebhookReceiver.Received request = about(wanted, matchEvent).get(0);
            new Webhook(secret).verify(request.body(), request.headers());
            JsonPath cloudEvent = JsonPath.from(request.body());
            assertThat(cloudEvent.getString("type")).isEqualTo(MATCH_FOUND);
            assertThat(cloudEvent.getInt("data.score")).isEqualTo(90);
            assertThat(cloudEvent.getList("data.reasons.kind")).contains("IPC_GROUP", "WORDS");
            assertThat(about(wanted, laterEvent)).as("in VN, for an assignment: not the KZ licence subscription's").isEmpty();
            assertThat(about(otherDealType, matchEvent)).as("a licence match is not an assignment's").isEmpty();
            assertThat(about(otherCountry, matchEvent)).as("a KZ match is not VN's").isEmpty();
        }
    }

    @Test
    void shouldNeverPassANeedsBudgetToAWebhookOrTheEventLogOrAParty() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID integrator = UUID.randomUUID();
            String secret = subscribe(integrator, receiver.url(), List.of("org.iprharbor.catalog.*"), List.of(), List.of())
                    .getString("secret");
            UUID need = UUID.randomUUID();
            String patentMail = MatchNoticesTest.mail("lzu.edu.cn");
            UUID needOwner = CatalogAndDeals.partner("Kazakh-British Technical University", "KZ", List.of("ru"), "Asia/Almaty",
                    MatchNoticesTest.mail("kbtu.kz"));
            UUID patentOwner = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai", patentMail);
            Map<String, Object> budget = Map.of("amount", "987654.00", "currency", "USD");
            // a producer's mistake, published raw: the catalog's schema forbids a budget in both events
            UUID posted = raw(NeedsAndMatches.needPosted(need, needOwner).set("budget", budget), need);
            UUID found = raw(NeedsAndMatches.match(need, needOwner, UUID.randomUUID(), patentOwner, NeedsAndMatches.publication())
                    .set("budget", budget).set("needTitles", Map.of("ru", "Бюджетный запрос", "budget", "987654.00 USD")), need);

            await().atMost(CatalogAndDeals.WAIT).until(() -> about(receiver, posted).size() == 1 && about(receiver, found).size() == 1);
            for (UUID event : List.of(posted, found)) {
                WebhookReceiver.Received request = about(receiver, event).get(0);
                new Webhook(secret).verify(request.body(), request.headers());
                assertThat(request.body()).doesNotContain("budget").doesNotContain("987654");
            }
            assertThat(QuarkusTransaction.requiringNew().call(() -> (String) InboxItem.getEntityManager()
                    .createNativeQuery("SELECT string_agg(cloud_event, ' ') FROM event_log WHERE event_id IN (?1, ?2)")
                    .setParameter(1, posted).setParameter(2, found).getSingleResult()))
                    .contains(need.toString()).doesNotContain("budget").doesNotContain("987654");
            await().atMost(CatalogAndDeals.WAIT).until(() -> !MatchNoticesTest.inbox(patentOwner).isEmpty());
            assertThat(MatchNoticesTest.inbox(patentOwner)).singleElement()
                    .satisfies(item -> assertThat(item.body).contains("Бюджетный запрос").doesNotContain("987654"));
        }
    }

    private static UUID raw(EventFixture event, UUID need) {
        UUID id = UUID.randomUUID();
        KafkaProbe.publishRawCloudEvent("harbor.needs.v1", need.toString(), id.toString(), event.type(), 0, event.json());
        return id;
    }

    private static List<WebhookReceiver.Received> about(WebhookReceiver receiver, UUID eventId) {
        return receiver.received().stream().filter(request -> eventId.toString().equals(request.header("webhook-id"))).toList();
    }

    private static JsonPath subscribe(UUID integrator, String url, List<String> types, List<String> countries,
            List<String> dealTypes) {
        return given().auth().oauth2(TestTokens.mint(integrator, "integrator")).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types, "countries", countries, "dealTypes", dealTypes))
                .when().post("/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }
}
