package org.iprharbor.deal.security;

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
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * Never show one partner another's negotiation: every deal command and view tried with a third partner's token
 * (404, as if the deal did not exist), every operator command with a party's token (403), every partner command
 * with an operator's or integrator's token (403); the deal is unchanged afterwards. Complements
 * {@code DealAuthorisationTest}, which covers the views and listings.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    private static final Map<String, Object> BODIES = Map.ofEntries(
            Map.entry("counter", Map.of("terms", DealFixtures.terms("1.00"))),
            Map.entry("accept", Map.of()),
            Map.entry("reject", Map.of("reason", "not mine")),
            Map.entry("withdraw", Map.of("reason", "not mine")),
            Map.entry("sign", Map.of()),
            Map.entry("cancel", Map.of("reason", "not mine")),
            Map.entry("export-intent", Map.of("decision", "REFUSE", "reason", "not mine")),
            Map.entry("export-decision", Map.of("decision", "DENY", "reason", "not mine")),
            Map.entry("registration", Map.of("certificateNumber", "R-STOLEN")),
            Map.entry("payment", Map.of("settlementReference", "SWIFT-STOLEN")),
            Map.entry("recordal", Map.of("registrationNumber", "R-STOLEN", "recordedOn", "2026-01-05")));
    private static final List<String> PARTNER_COMMANDS = List.of("counter", "accept", "reject", "withdraw", "sign", "cancel");
    private static final List<String> OPERATOR_COMMANDS = List.of("export-intent", "export-decision", "registration",
            "payment", "recordal");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldAnswerAThirdPartnerAsIfTheDealDidNotExist() {
        UUID deal = openDeal().dealId();
        String stranger = TestTokens.partner(UUID.randomUUID());

        given().auth().oauth2(stranger).get("/deals/" + deal).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(stranger).get("/deals/" + deal + "/history").then().statusCode(404);
        for (String partnerCommand : PARTNER_COMMANDS) {
            command(stranger, deal, partnerCommand, BODIES.get(partnerCommand)).statusCode(404).contentType("application/problem+json");
        }
        for (String operatorCommand : OPERATOR_COMMANDS) {
            command(stranger, deal, operatorCommand, BODIES.get(operatorCommand)).statusCode(403);
        }
        assertUnchanged(deal);
    }

    @Test
    void shouldKeepOperatorCommandsFromTheParties() {
        Opened opened = openDeal();
        for (UUID party : new UUID[] { opened.market().buyerId(), opened.market().sellerId() }) {
            for (String operatorCommand : OPERATOR_COMMANDS) {
                command(TestTokens.partner(party), opened.dealId(), operatorCommand, BODIES.get(operatorCommand))
                        .statusCode(403).contentType("application/problem+json");
            }
        }
        assertUnchanged(opened.dealId());
    }

    @Test
    void shouldKeepPartnerCommandsFromOperatorsAndIntegrators() {
        Opened opened = openDeal();
        // an integrator token whose subject is the seller is still not the seller acting as a partner
        for (String token : new String[] { TestTokens.operator(), TestTokens.integrator(),
                TestTokens.mint(opened.market().sellerId(), "integrator") }) {
            for (String partnerCommand : PARTNER_COMMANDS) {
                command(token, opened.dealId(), partnerCommand, BODIES.get(partnerCommand)).statusCode(403);
            }
        }
        DealFixtures.as(TestTokens.integrator()).body(DealFixtures.offerBody(opened.market().patentId(), "ASSIGNMENT"))
                .post("/deals").then().statusCode(403);
        given().auth().oauth2(TestTokens.integrator()).get("/deals").then().statusCode(403);
        assertUnchanged(opened.dealId());
    }

    private record Opened(Market market, UUID dealId) {
    }

    private static Opened openDeal() {
        Market market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT");
        return new Opened(market, DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "ASSIGNMENT")));
    }

    private static void assertUnchanged(UUID deal) {
        assertThat(DealFixtures.load(deal).state()).isEqualTo(DealState.OFFERED);
        assertThat(DealFixtures.load(deal).version()).isZero();
    }
}
