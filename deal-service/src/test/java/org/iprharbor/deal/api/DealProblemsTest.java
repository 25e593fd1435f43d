package org.iprharbor.deal.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.iprharbor.deal.support.DealFixtures.as;
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * Client mistakes on the deal API get problem+json: 409 naming the state and the command for illegal transitions,
 * 400 naming the fields for invalid bodies, 422 for offers the business rules refuse.
 */
@QuarkusTest
class DealProblemsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldAnswerEveryIllegalCommandOnAnOpenOfferWith409NamingStateAndCommand() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        String buyer = TestTokens.partner(market.buyerId());
        String operator = TestTokens.operator();
        Map<String, Object[]> illegal = Map.of(
                "accept", new Object[] { buyer, null },
                "counter", new Object[] { buyer, Map.of("terms", DealFixtures.terms("1.00")) },
                "sign", new Object[] { buyer, null },
                "cancel", new Object[] { buyer, Map.of("reason", "changed our mind") },
                "export-intent", new Object[] { operator, Map.of("decision", "GRANT", "reference", "LOI-1") },
                "export-decision", new Object[] { operator, Map.of("decision", "CLEAR", "licenceNumber", "EXP-1") },
                "registration", new Object[] { operator, Map.of("certificateNumber", "2026620000000001") },
                "payment", new Object[] { operator, Map.of("settlementReference", "CIPS-1") },
                "recordal", new Object[] { operator, Map.of("registrationNumber", "CNIPA-1", "recordedOn", "2026-01-05") });

        illegal.forEach((name, call) -> command((String) call[0], dealId, name, call[1])
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/illegal-transition"))
                .body("detail", containsString("Cannot " + name + " a deal in state OFFERED")));
        as(operator).when().get("/deals/" + dealId).then().body("version", equalTo(0)).body("state", equalTo("OFFERED"));
    }

    @Test
    void shouldRefuseToAgreeOnAPatentTheCatalogNoLongerOffersButNameAnIllegalAcceptFirst() {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(),
                DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        // what the read model holds once the catalog has withdrawn the patent
        QuarkusTransaction.requiringNew().run(() -> KnownPatent.update("status = ?1 where id = ?2", "WITHDRAWN",
                market.patentId()));

        command(TestTokens.partner(market.buyerId()), dealId, "accept", null)
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/illegal-transition"));
        command(TestTokens.partner(market.sellerId()), dealId, "accept", null)
                .statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/patent-unavailable"))
                .body("detail", equalTo("Patent " + market.patentId()
                        + " is WITHDRAWN in the catalog; the deal cannot be agreed."));
        as(TestTokens.operator()).when().get("/deals/" + dealId).then().body("version", equalTo(0))
                .body("state", equalTo("OFFERED"));
    }

    @Test
    void shouldNameEveryInvalidFieldOfAnOffer() {
        Map<String, Object> body = DealFixtures.offerBody(UUID.randomUUID(), "ASSIGNMENT");
        Map<String, Object> terms = new HashMap<>(DealFixtures.terms("-5.00"));
        terms.put("price", Map.of("amount", "-5.00", "currency", "XYZ"));
        terms.put("territory", List.of("KZ", "Kazakhstan"));
        terms.put("royaltyPercent", 120);
        body.put("terms", terms);
        body.put("validUntil", Instant.now().minusSeconds(60).toString());

        as(TestTokens.partner(UUID.randomUUID())).body(body).when().post("/deals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/validation"))
                .body("errors.field", hasItem("terms.price.amount"))
                .body("errors.field", hasItem("terms.price.currency"))
                .body("errors.field", hasItem("terms.territory[1]"))
                .body("errors.field", hasItem("terms.royaltyPercent"))
                .body("errors.field", hasItem("validUntil"));
    }

    @Test
    void shouldRefuseUnknownFieldsSuchAsASelfChosenSeller() {
        Map<String, Object> body = DealFixtures.offerBody(UUID.randomUUID(), "ASSIGNMENT");
        body.put("sellerId", UUID.randomUUID().toString());

        as(TestTokens.partner(UUID.randomUUID())).body(body).when().post("/deals")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("sellerId"));
    }

    @Test
    void shouldRequireATermForALicence() {
        Market market = DealFixtures.market("KZ", "FREE", "EXCLUSIVE_LICENCE");
        Map<String, Object> body = DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE");
        Map<String, Object> terms = new HashMap<>(DealFixtures.terms("100.00"));
        terms.remove("termYears");
        body.put("terms", terms);

        as(TestTokens.partner(market.buyerId())).body(body).when().post("/deals")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("terms.termYears"));
    }

    @Test
    void shouldRefuseOffersTheReadModelRulesOut() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        String buyer = TestTokens.partner(market.buyerId());

        as(buyer).body(DealFixtures.offerBody(UUID.randomUUID(), "ASSIGNMENT")).when().post("/deals")
                .then().statusCode(422).contentType(PROBLEM).body("detail", containsString("Unknown patent"));
        as(buyer).body(DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE")).when().post("/deals")
                .then().statusCode(422).body("detail", containsString("not offered as EXCLUSIVE_LICENCE"));
        as(TestTokens.partner(market.sellerId())).body(DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"))
                .when().post("/deals").then().statusCode(422).body("detail", containsString("cannot buy its own patent"));
        as(TestTokens.partner(UUID.randomUUID())).body(DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"))
                .when().post("/deals").then().statusCode(422).body("detail", containsString("not known to deal-service"));
        as(TestTokens.operator()).body(DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"))
                .when().post("/deals").then().statusCode(403);
    }

    @Test
    void shouldLetOnlyNonExclusiveLicencesBeOfferedOnAReservedPatent() {
        UUID seller = DealFixtures.partner("CN");
        UUID buyer = DealFixtures.partner("KZ");
        UUID reserved = DealFixtures.patent(seller, "CN", "FREE", "RESERVED", "ASSIGNMENT", "NON_EXCLUSIVE_LICENCE");
        DealFixtures.awaitKnown(List.of(seller, buyer), List.of(reserved));

        as(TestTokens.partner(buyer)).body(DealFixtures.offerBody(reserved, "ASSIGNMENT")).when().post("/deals")
                .then().statusCode(422).body("detail", containsString("RESERVED"));
        DealFixtures.offer(buyer, DealFixtures.offerBody(reserved, "NON_EXCLUSIVE_LICENCE"));
    }
}
