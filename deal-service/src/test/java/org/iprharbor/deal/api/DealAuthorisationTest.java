package org.iprharbor.deal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * A deal exists only for its parties and operators: others get 404 as if it did not exist, and listings show
 * each caller only its own deals, page by page.
 */
@QuarkusTest
class DealAuthorisationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldHideADealFromAThirdPartner() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));
        String stranger = TestTokens.partner(UUID.randomUUID());

        given().auth().oauth2(stranger).get("/deals/" + dealId).then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No deal " + dealId + "."));
        given().auth().oauth2(stranger).get("/deals/" + dealId + "/history").then().statusCode(404);
        command(stranger, dealId, "accept", null).statusCode(404);
        command(stranger, dealId, "reject", Map.of("reason", "not mine")).statusCode(404);
        command(stranger, dealId, "counter", Map.of("terms", DealFixtures.terms("1.00"))).statusCode(404);
        given().auth().oauth2(stranger).get("/deals").then().statusCode(200).body("items.id", not(hasItem(dealId.toString())));
        assertThat(DealFixtures.load(dealId).state()).isEqualTo(DealState.OFFERED);
    }

    @Test
    void shouldShowEachPartyWhatItMayDoNext() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT"));

        given().auth().oauth2(TestTokens.partner(market.buyerId())).get("/deals/" + dealId).then().statusCode(200)
                .header("ETag", "\"0\"").body("turn", equalTo("SELLER")).body("termsVersion", equalTo(1))
                .body("terms.price.currency", equalTo("CNY"))
                .body("allowedCommands", equalTo(List.of("reject", "withdraw")));
        given().auth().oauth2(TestTokens.partner(market.sellerId())).get("/deals/" + dealId).then().statusCode(200)
                .body("allowedCommands", equalTo(List.of("counter", "accept", "reject", "withdraw")));
        given().auth().oauth2(TestTokens.operator()).get("/deals/" + dealId).then().statusCode(200)
                .body("allowedCommands", empty());
        given().auth().oauth2(TestTokens.integrator()).get("/deals/" + dealId).then().statusCode(403);
    }

    @Test
    void shouldListOwnDealsNewestFirstByCursor() {
        Market market = DealFixtures.market("KZ", "FREE", "NON_EXCLUSIVE_LICENCE");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(0, DealFixtures.offer(market.buyerId(),
                    DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE")).toString());
        }
        String buyer = TestTokens.partner(market.buyerId());

        var first = given().auth().oauth2(buyer).queryParam("limit", 2).get("/deals").then().statusCode(200)
                .body("items.size()", equalTo(2)).extract();
        String cursor = first.path("nextCursor");
        var second = given().auth().oauth2(buyer).queryParam("limit", 2).queryParam("cursor", cursor).get("/deals")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", nullValue()).extract();
        List<String> listed = new ArrayList<>(first.<List<String>>path("items.id"));
        listed.addAll(second.<List<String>>path("items.id"));
        assertThat(listed).containsExactlyElementsOf(opened);

        given().auth().oauth2(buyer).queryParam("role", "seller").get("/deals").then().statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.partner(market.sellerId())).queryParam("role", "seller")
                .queryParam("patentId", market.patentId().toString()).queryParam("state", "OFFERED")
                .get("/deals").then().statusCode(200).body("items.id", equalTo(opened));
        given().auth().oauth2(TestTokens.operator()).queryParam("patentId", market.patentId().toString())
                .get("/deals").then().statusCode(200).body("items.id", equalTo(opened));
    }

    @Test
    void shouldRefuseBadListingParametersNamingThem() {
        String buyer = TestTokens.partner(UUID.randomUUID());
        given().auth().oauth2(buyer).queryParam("cursor", "bm90IGEgY3Vyc29y").get("/deals")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(buyer).queryParam("limit", 101).get("/deals")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(buyer).queryParam("role", "broker").get("/deals")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(buyer).queryParam("state", "HAGGLING").get("/deals")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
    }
}
