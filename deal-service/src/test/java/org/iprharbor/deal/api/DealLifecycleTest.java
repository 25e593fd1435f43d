package org.iprharbor.deal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.iprharbor.deal.support.DealFixtures.KAFKA_WAIT;
import static org.iprharbor.deal.support.DealFixtures.as;
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * Whole deals through the REST API against real PostgreSQL and Kafka: every step's event reaches
 * {@code harbor.deals.v1} once, in order, with the deal's version as its sequence.
 */
@QuarkusTest
class DealLifecycleTest {

    private static final String PREFIX = "org.iprharbor.deal.";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldCarryACrossBorderDealFromOfferThroughCounterOfferToCompletion() {
        Market market = DealFixtures.market("KZ", "FREE", "EXCLUSIVE_LICENCE");
        String buyer = TestTokens.partner(market.buyerId());
        String seller = TestTokens.partner(market.sellerId());
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE"));

            command(seller, dealId, "counter", Map.of("terms", DealFixtures.terms("300000.00")))
                    .statusCode(200).body("state", equalTo("COUNTERED")).body("termsVersion", equalTo(2))
                    .body("turn", equalTo("BUYER"));
            command(buyer, dealId, "accept", null).statusCode(200).body("state", equalTo("AGREED"))
                    .body("allowedCommands", hasItems("sign", "cancel"));
            command(buyer, dealId, "sign", null).statusCode(200).body("state", equalTo("AGREED"));
            command(seller, dealId, "sign", null).statusCode(200).body("state", equalTo("CLEARED"))
                    .body("effectiveAt", notNullValue()).body("contractRegistration", nullValue())
                    .body("deadlines.findAll { it.status == 'OPEN' }.kind",
                            containsInAnyOrder("CONTRACT_REGISTRATION", "CNIPA_RECORDAL"));
            command(TestTokens.operator(), dealId, "payment", Map.of("settlementReference", "CIPS-2026-0001"))
                    .statusCode(200).body("state", equalTo("PAID"));
            command(TestTokens.operator(), dealId, "recordal",
                    Map.of("registrationNumber", "CNIPA-2026-LIC-778", "recordedOn", LocalDate.now().toString()))
                    .statusCode(200).body("state", equalTo("RECORDED")).body("allowedCommands", equalTo(List.of("registration")));
            command(TestTokens.operator(), dealId, "registration", Map.of("certificateNumber", "2026620000000417"))
                    .statusCode(200).body("state", equalTo("COMPLETED")).body("allowedCommands.size()", equalTo(0))
                    .body("contractRegistration", equalTo("2026620000000417"))
                    .body("deadlines.status", everyItem(equalTo("MET")));

            List<ConsumerRecord<String, String>> events = probe.await(r -> dealId.toString().equals(r.key()), 10, KAFKA_WAIT);
            assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(
                    PREFIX + "deal-opened.v1", PREFIX + "offer-countered.v1", PREFIX + "offer-accepted.v1",
                    PREFIX + "party-signed.v1", PREFIX + "contract-signed.v1", PREFIX + "export-cleared.v1",
                    PREFIX + "payment-settled.v1", PREFIX + "transfer-recorded.v1", PREFIX + "contract-registered.v1",
                    PREFIX + "deal-completed.v1");
            // @Version moves at flush: each event carries the version its change produced, no gaps, no repeats
            assertThat(events).extracting(r -> Long.parseLong(KafkaProbe.header(r, "ce_sequence")))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_subject")).containsOnly(dealId.toString());
            assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_source")).containsOnly("/harbor/deal-service");
            assertThat(events.get(2).value()).contains("\"state\":\"AGREED\"", "\"termsVersion\":2",
                    "\"amount\":\"300000.00\"", "\"currency\":\"CNY\"", "\"buyerCountry\":\"KZ\"", "\"sellerCountry\":\"CN\"",
                    "\"dealType\":\"EXCLUSIVE_LICENCE\"", "\"royaltyPercent\":3.5", "\"version\":2",
                    "\"buyerId\":\"" + market.buyerId() + "\"", "\"patentId\":\"" + market.patentId() + "\"");
            assertThat(events.get(0).value()).contains("\"deadlines\":[{\"kind\":\"OFFER_VALIDITY\"");
            assertThat(events.get(9).value()).contains("\"state\":\"COMPLETED\"", "\"version\":9", "\"deadlines\":[]");
            assertThat(probe.seen(r -> dealId.toString().equals(r.key()))).hasSize(10);
        }
    }

    @Test
    void shouldAuditEveryTransitionWithTheAgreedTermsHash() {
        Market market = DealFixtures.market("UZ", "FREE", "ASSIGNMENT");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        String sha = command(TestTokens.partner(market.sellerId()), dealId, "accept", null).statusCode(200)
                .extract().path("agreedTermsSha256");

        as(TestTokens.partner(market.buyerId())).when().get("/deals/" + dealId + "/history")
                .then().statusCode(200)
                .body("command", equalTo(List.of("offer", "accept")))
                .body("fromState", equalTo(java.util.Arrays.asList(null, "OFFERED")))
                .body("toState", equalTo(List.of("OFFERED", "AGREED")))
                .body("actorRole", equalTo(List.of("BUYER", "SELLER")))
                .body("actorId", equalTo(List.of(market.buyerId().toString(), market.sellerId().toString())))
                .body("[0].termsSha256", nullValue())
                .body("[1].termsSha256", equalTo(sha))
                .body("[1].version", equalTo(1));
        assertThat(sha).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldCancelARestrictedExportWhenTheOperatorDeniesIt() {
        Market market = DealFixtures.market("PK", "RESTRICTED", "ASSIGNMENT");
        String buyer = TestTokens.partner(market.buyerId());
        String seller = TestTokens.partner(market.sellerId());
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
            // the offer is not accepted while the authority reviews: its validity is suspended, not met
            as(buyer).when().get("/deals/" + dealId).then().statusCode(200)
                    .body("deadlines.kind", equalTo(List.of("OFFER_VALIDITY", "INTENT_REVIEW")))
                    .body("deadlines.status", equalTo(List.of("SUSPENDED", "OPEN")));
            DealFixtures.grantIntent(dealId);
            command(seller, dealId, "accept", null).statusCode(200);
            command(seller, dealId, "sign", null).statusCode(200);
            command(buyer, dealId, "sign", null).statusCode(200).body("state", equalTo("EXPORT_REVIEW"))
                    .body("allowedCommands", equalTo(List.of("cancel")));
            command(buyer, dealId, "export-decision", Map.of("decision", "DENY", "reason", "x")).statusCode(403);
            command(TestTokens.operator(), dealId, "export-decision", Map.of("decision", "DENY"))
                    .statusCode(400).body("errors[0].field", equalTo("reason"));
            command(TestTokens.operator(), dealId, "export-decision",
                    Map.of("decision", "DENY", "reason", "dual-use cathode chemistry under MOFCOM review"))
                    .statusCode(200).body("state", equalTo("CANCELLED"));

            List<ConsumerRecord<String, String>> events = probe.await(r -> dealId.toString().equals(r.key()), 8, KAFKA_WAIT);
            assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type")).containsExactly(
                    PREFIX + "deal-opened.v1", PREFIX + "export-intent-requested.v1", PREFIX + "export-intent-granted.v1",
                    PREFIX + "offer-accepted.v1", PREFIX + "party-signed.v1", PREFIX + "contract-signed.v1",
                    PREFIX + "export-review-requested.v1", PREFIX + "export-denied.v1");
            assertThat(events.get(7).value()).contains("\"state\":\"CANCELLED\"", "MOFCOM review");
            assertThat(events).extracting(ConsumerRecord::value).allMatch(value -> value.contains("\"exportRoute\":\"REVIEW\""));
        }
    }

    @Test
    void shouldClearARestrictedExportWhenTheOperatorClearsIt() {
        Market market = DealFixtures.market("KZ", "RESTRICTED", "NON_EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        DealFixtures.grantIntent(dealId);
        command(TestTokens.partner(market.sellerId()), dealId, "accept", null).statusCode(200);
        command(TestTokens.partner(market.sellerId()), dealId, "sign", null).statusCode(200);
        command(TestTokens.partner(market.buyerId()), dealId, "sign", null).statusCode(200)
                .body("deadlines.findAll { it.status == 'OPEN' }.kind", equalTo(List.of("EXPORT_LICENCE")));

        command(TestTokens.operator(), dealId, "export-decision", Map.of("decision", "CLEAR"))
                .statusCode(400).body("errors[0].field", equalTo("licenceNumber"));
        command(TestTokens.operator(), dealId, "export-decision",
                Map.of("decision", "CLEAR", "licenceNumber", "62-2026-XK-000318"))
                .statusCode(200).body("state", equalTo("CLEARED")).body("licenceNumber", equalTo("62-2026-XK-000318"))
                .body("effectiveAt", notNullValue())
                .body("deadlines.findAll { it.status == 'OPEN' }.kind", equalTo(List.of("CNIPA_RECORDAL")));
    }

    @Test
    void shouldSkipExportReviewForADomesticDeal() {
        Market market = DealFixtures.market("CN", "RESTRICTED", "EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE"));
        command(TestTokens.partner(market.sellerId()), dealId, "accept", null).statusCode(200);
        command(TestTokens.partner(market.sellerId()), dealId, "sign", null).statusCode(200);

        command(TestTokens.partner(market.buyerId()), dealId, "sign", null).statusCode(200)
                .body("state", equalTo("CLEARED")).body("contractRegistration", nullValue());
        as(TestTokens.operator()).when().get("/deals/" + dealId + "/history").then().statusCode(200)
                .body("toState", equalTo(List.of("OFFERED", "AGREED", "AGREED", "SIGNED", "CLEARED")))
                .body("[4].command", equalTo("export-control"))
                .body("[4].actorRole", equalTo("SYSTEM"));
    }

    @Test
    void shouldRefuseProhibitedTechnologyAcrossABorderButAcceptItAtHome() {
        Market abroad = DealFixtures.market("KZ", "PROHIBITED", "ASSIGNMENT");
        as(TestTokens.partner(abroad.buyerId())).body(DealFixtures.offerBody(abroad.patentId(), "ASSIGNMENT"))
                .when().post("/deals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://iprharbor.org/problems/export-prohibited"))
                .body("detail", org.hamcrest.Matchers.containsString("PROHIBITED"));

        Market home = DealFixtures.market("CN", "PROHIBITED", "ASSIGNMENT");
        DealFixtures.offer(home.buyerId(), DealFixtures.offerBody(home.patentId(), "ASSIGNMENT"));
    }

    @Test
    void shouldExpireALapsedOfferExactlyOnce() {
        Market market = DealFixtures.market("TR", "FREE", "NON_EXCLUSIVE_LICENCE");
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(),
                    "NON_EXCLUSIVE_LICENCE", Instant.now().plusSeconds(2)));

            await().atMost(KAFKA_WAIT).until(() -> DealFixtures.load(dealId).state() == DealState.EXPIRED);

            List<ConsumerRecord<String, String>> events = probe.await(r -> dealId.toString().equals(r.key()), 2, KAFKA_WAIT);
            assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type"))
                    .containsExactly(PREFIX + "deal-opened.v1", PREFIX + "deal-expired.v1");
            command(TestTokens.partner(market.sellerId()), dealId, "accept", null).statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("state EXPIRED"));
            as(TestTokens.operator()).when().get("/deals/" + dealId + "/history").then()
                    .body("command", equalTo(List.of("offer", "expire"))).body("[1].actorRole", equalTo("SYSTEM"));
            assertThat(probe.seen(r -> dealId.toString().equals(r.key()))).hasSize(2);
        }
    }
}
