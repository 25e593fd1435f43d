package org.iprharbor.notification.ops;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.notification.support.CatalogAndDeals;
import org.iprharbor.testing.contracts.EventFixtures;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the dashboard tells about deals and traffic: the funnel follows each deal's newest state (a late older event
 * does not move it back), a deal's timeline lists its events and the patent's in order with the notifications they
 * caused, throughput counts this minute's events per topic from Kafka, consumer lag lists our groups by service, and
 * delivery health counts the emails sent.
 */
@QuarkusTest
class OpsDealsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldMoveADealThroughTheFunnelAndNeverBack() {
        Parties parties = Parties.create();
        UUID deal = UUID.randomUUID();
        long offeredBefore = funnel().getLong("dealsByState.OFFERED");
        long counteredBefore = funnel().getLong("dealsByState.COUNTERED");
        long transitionsBefore = transitions(funnel());

        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, parties.patent, parties.buyer, parties.seller, "KZ", "CN", 0);
        await().atMost(CatalogAndDeals.WAIT).until(() -> funnel().getLong("dealsByState.OFFERED") == offeredBefore + 1);

        CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-countered", deal, parties.patent, parties.buyer, parties.seller, "KZ", "CN", 1);
        await().atMost(CatalogAndDeals.WAIT).until(() -> funnel().getLong("dealsByState.COUNTERED") == counteredBefore + 1);
        assertThat(funnel().getLong("dealsByState.OFFERED")).isEqualTo(offeredBefore);

        // an older version arriving late (a new event id, so the inbox does not stop it) leaves the deal COUNTERED
        UUID late = CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, parties.patent, parties.buyer, parties.seller, "KZ", "CN", 0);
        await().atMost(CatalogAndDeals.WAIT).until(() -> timeline(deal).getList("eventId").contains(late.toString()));
        JsonPath after = funnel();
        assertThat(after.getLong("dealsByState.COUNTERED")).isEqualTo(counteredBefore + 1);
        assertThat(after.getLong("dealsByState.OFFERED")).isEqualTo(offeredBefore);
        assertThat(transitions(after)).isGreaterThanOrEqualTo(transitionsBefore + 3);
        assertThat(after.getList("transitionsPerMinute")).hasSize(60);
    }

    @Test
    void shouldShowADealsTimelineInOrderWithTheNotificationsItCaused() {
        Parties parties = Parties.create();
        UUID deal = UUID.randomUUID();
        UUID opened = CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", deal, parties.patent, parties.buyer, parties.seller, "KZ", "CN", 0);
        UUID accepted = CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-accepted", deal, parties.patent, parties.buyer, parties.seller, "KZ", "CN", 1);
        UUID reserved = UUID.randomUUID();
        EventFixtures.load("notification-service", "org.iprharbor.catalog.patent-reserved.v1")
                .set("patentId", parties.patent).set("ownerId", parties.seller).set("reservedByDeal", deal)
                .publish(parties.patent, reserved, 1);

        JsonPath timeline = await().atMost(CatalogAndDeals.WAIT).until(() -> timeline(deal),
                found -> found.getList("$").size() == 3 && found.getList("[1].notifications").size() >= 4);
        assertThat(timeline.getList("eventId", String.class)).containsExactly(opened.toString(), accepted.toString(), reserved.toString());
        assertThat(timeline.getList("topic", String.class)).containsExactly("harbor.deals.v1", "harbor.deals.v1", "harbor.patents.v1");
        assertThat(timeline.getList("[0].notifications.channel", String.class)).contains("EMAIL", "INBOX");
        assertThat(timeline.getList("[0].notifications.target", String.class)).contains(parties.buyer.toString(), parties.seller.toString());
        assertThat(timeline.getString("[1].data")).contains("\"state\":\"AGREED\"");
        assertThat(timeline.prettify()).doesNotContain("@satbayev").doesNotContain("@lzu");

        given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deals/" + UUID.randomUUID() + "/timeline")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deals/not-a-uuid/timeline")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldCountEventsPerTopicFromKafkaAndShowOurConsumerGroupsLag() {
        long before = lastThirtyMinutes("harbor.deals.v1");
        Parties parties = Parties.create();
        UUID deal = UUID.randomUUID();
        for (int version = 0; version < 3; version++) {
            CatalogAndDeals.dealEvent(UUID.randomUUID(), "offer-countered", deal, parties.patent, parties.buyer, parties.seller,
                    "KZ", "CN", version);
        }
        // the window's total only grows while this test JVM lives (nothing it published is 30 minutes old)
        await().atMost(CatalogAndDeals.WAIT).until(() -> lastThirtyMinutes("harbor.deals.v1") >= before + 3);
        JsonPath throughput = given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/throughput")
                .then().statusCode(200).extract().jsonPath();
        assertThat(throughput.getList("topics.topic", String.class))
                .containsExactly("harbor.partners.v1", "harbor.patents.v1", "harbor.needs.v1", "harbor.deals.v1",
                        "harbor.notifications.v1");
        assertThat(throughput.getList("topics[0].counts")).hasSize(30);

        await().atMost(CatalogAndDeals.WAIT).untilAsserted(() -> {
            JsonPath lag = given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/lag")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(lag.getList("group", String.class)).contains("notification-service.deals", "notification-service.patents",
                    "notification-service.needs", "notification-service.catalog-partners");
            assertThat(lag.getString("find { it.group == 'notification-service.deals' }.service")).isEqualTo("notification-service");
            assertThat(lag.getLong("find { it.group == 'notification-service.deals' }.lag")).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void shouldCountDeliveredEmails() {
        long delivered = deliveredEmails();
        long failed = emailChannel().getLong("failed");
        Parties parties = Parties.create();
        CatalogAndDeals.dealEvent(UUID.randomUUID(), "deal-opened", UUID.randomUUID(), parties.patent, parties.buyer, parties.seller,
                "KZ", "CN", 0);
        await().atMost(CatalogAndDeals.WAIT).until(() -> deliveredEmails() >= delivered + 2);
        JsonPath health = given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(health.getList("channels.channel", String.class)).contains("EMAIL", "WEBHOOK");
        assertThat(emailChannel().getLong("failed")).as("a delivered email is no failed attempt").isEqualTo(failed);
        assertThat(health.getList("disabledEndpoints")).isNotNull();
    }

    private static long deliveredEmails() {
        return emailChannel().getLong("delivered");
    }

    private static JsonPath emailChannel() {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deliveries")
                .then().statusCode(200).extract().jsonPath().setRootPath("channels.find { it.channel == 'EMAIL' }");
    }

    private static long lastThirtyMinutes(String topic) {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/throughput")
                .then().statusCode(200).extract().jsonPath()
                .getList("topics.find { it.topic == '" + topic + "' }.counts", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private static JsonPath funnel() {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/funnel").then().statusCode(200).extract().jsonPath();
    }

    private static long transitions(JsonPath funnel) {
        return funnel.getList("transitionsPerMinute.count", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private static JsonPath timeline(UUID deal) {
        return given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/deals/" + deal + "/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A buyer in Kazakhstan, a seller in China with a patent, as the catalog would have published them. */
    record Parties(UUID buyer, UUID seller, UUID patent) {

        static Parties create() {
            UUID buyer = CatalogAndDeals.partner("Satbayev University", "KZ", List.of("ru"), "Asia/Almaty",
                    "tto-" + UUID.randomUUID() + "@satbayev.kz.example");
            UUID seller = CatalogAndDeals.partner("Lanzhou University", "CN", List.of("zh"), "Asia/Shanghai",
                    "tto-" + UUID.randomUUID() + "@lzu.edu.cn.example");
            UUID patent = CatalogAndDeals.patent(seller, "{\"en\":\"Sand-fixing mat\"}", "E01F 7/02", "CN");
            return new Parties(buyer, seller, patent);
        }
    }
}
