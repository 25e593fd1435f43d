package org.iprharbor.deal.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.iprharbor.deal.support.DealFixtures.KAFKA_WAIT;
import static org.iprharbor.deal.support.DealFixtures.as;
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * From match to deal: an offer may name the catalog's match it came from; the deal records it, shows it and carries
 * it on every event (null when there is none), and a match that is unknown, for another patent or for another
 * partner's need is refused with 422 naming {@code matchId}.
 */
@QuarkusTest
class DealFromMatchTest {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldRecordTheMatchAnOfferCameFromAndCarryItOnEveryEventToCompletion() {
        Market market = DealFixtures.market("KZ", "FREE", "EXCLUSIVE_LICENCE");
        UUID matchId = DealFixtures.match(market.buyerId(), market.patentId(), market.sellerId());
        String buyer = TestTokens.partner(market.buyerId());
        String seller = TestTokens.partner(market.sellerId());
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            UUID dealId = DealFixtures.offer(market.buyerId(), fromMatch(market, "EXCLUSIVE_LICENCE", matchId));

            as(seller).when().get("/deals/" + dealId).then().statusCode(200).body("matchId", equalTo(matchId.toString()));
            as(buyer).queryParam("patentId", market.patentId()).when().get("/deals").then().statusCode(200)
                    .body("items.find { it.id == '" + dealId + "' }.matchId", equalTo(matchId.toString()));
            command(seller, dealId, "counter", Map.of("terms", DealFixtures.terms("300000.00"))).statusCode(200);
            command(buyer, dealId, "accept", null).statusCode(200);
            command(buyer, dealId, "sign", null).statusCode(200);
            command(seller, dealId, "sign", null).statusCode(200);
            command(TestTokens.operator(), dealId, "payment", Map.of("settlementReference", "CIPS-2026-0311")).statusCode(200);
            command(TestTokens.operator(), dealId, "recordal", Map.of("registrationNumber", "CNIPA-2026-LIC-311",
                    "recordedOn", LocalDate.now().toString())).statusCode(200);
            command(TestTokens.operator(), dealId, "registration", Map.of("certificateNumber", "2026620000000311"))
                    .statusCode(200).body("state", equalTo("COMPLETED")).body("matchId", equalTo(matchId.toString()));

            List<ConsumerRecord<String, String>> events = probe.await(r -> dealId.toString().equals(r.key()), 10, KAFKA_WAIT);
            assertThat(events).extracting(r -> KafkaProbe.header(r, "ce_type")).contains(
                    "org.iprharbor.deal.deal-opened.v1", "org.iprharbor.deal.deal-completed.v1");
            assertThat(events).extracting(r -> payload(r).get("matchId").asText()).hasSize(10).containsOnly(matchId.toString());
            assertThat(DealFixtures.load(dealId).matchId()).isEqualTo(matchId);
        }
    }

    @Test
    void shouldCarryANullMatchIdOnEveryEventOfADealNotOfferedFromAMatch() {
        Market market = DealFixtures.market("UZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
            command(TestTokens.partner(market.sellerId()), dealId, "reject", Map.of("reason", "not this year"))
                    .statusCode(200).body("$", hasKey("matchId")).body("matchId", nullValue());

            List<ConsumerRecord<String, String>> events = probe.await(r -> dealId.toString().equals(r.key()), 2, KAFKA_WAIT);
            assertThat(events).allSatisfy(r -> {
                assertThat(payload(r).has("matchId")).as("matchId present in %s", r.value()).isTrue();
                assertThat(payload(r).get("matchId").isNull()).as("matchId null in %s", r.value()).isTrue();
            });
        }
    }

    @Test
    void shouldRefuseAnUnknownMatchNamingTheFieldAndSayingItMayStillBeOnItsWay() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");

        refused(market.buyerId(), fromMatch(market, "ASSIGNMENT", UUID.randomUUID()))
                .body("detail", allOf(containsString("unknown"), containsString("moment")));
        assertThat(dealsOn(market.patentId())).isZero();
    }

    @Test
    void shouldRefuseAMatchThatPairsTheNeedWithAnotherPatent() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID otherPatent = DealFixtures.patent(market.sellerId(), "CN", "FREE", "AVAILABLE", "ASSIGNMENT");
        DealFixtures.awaitKnown(List.of(), List.of(otherPatent));
        UUID matchId = DealFixtures.match(market.buyerId(), otherPatent, market.sellerId());

        refused(market.buyerId(), fromMatch(market, "ASSIGNMENT", matchId))
                .body("detail", containsString("with patent " + otherPatent + ", not with patent " + market.patentId()));
        assertThat(dealsOn(market.patentId())).isZero();
    }

    @Test
    void shouldRefuseAMatchOfAnotherPartnersNeedAndTheSellerStartingFromItsPatentsMatch() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID otherBuyer = DealFixtures.partner("PK");
        DealFixtures.awaitKnown(List.of(otherBuyer), List.of());
        UUID matchId = DealFixtures.match(otherBuyer, market.patentId(), market.sellerId());

        refused(market.buyerId(), fromMatch(market, "ASSIGNMENT", matchId)).body("detail", containsString("another partner's need"));
        refused(market.sellerId(), fromMatch(market, "ASSIGNMENT", matchId))
                .body("detail", containsString("only the owner of the need can make an offer"));
        assertThat(dealsOn(market.patentId())).isZero();
        DealFixtures.offer(otherBuyer, fromMatch(market, "ASSIGNMENT", matchId));
    }

    @Test
    void shouldTellPortalDevelopersWhatMatchIdMeansInTheOpenApiDocument() {
        ValidatableResponse openApi = RestAssured.given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200);

        openApi.body("components.schemas.OfferRequest.properties.matchId.description",
                allOf(containsString("GET /needs/{id}/matches"), containsString("422"), containsString("retry")));
        openApi.body("components.schemas.DealView.properties.matchId.description",
                allOf(containsString("null when the offer was not made from a match"), containsString("every event")));
    }

    private static ValidatableResponse refused(UUID caller, Map<String, Object> body) {
        return as(TestTokens.partner(caller)).body(body).when().post("/deals").then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/unprocessable"))
                .body("errors.field", hasItem("matchId"));
    }

    private static Map<String, Object> fromMatch(Market market, String dealType, UUID matchId) {
        return DealFixtures.offerBody(market.patentId(), dealType, matchId);
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    private static long dealsOn(UUID patentId) {
        return QuarkusTransaction.requiringNew().call(() -> Deal.count("patentId", patentId));
    }
}
