package org.iprharbor.catalog.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every catalog endpoint that acts on an object, tried with another partner's token (403/404, nothing changes);
 * every operator endpoint with a partner's token (403); partner endpoints with an integrator's token (403).
 */
@QuarkusTest
class AuthorisationMatrixTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldNotLetAnotherPartnerChangeOrWithdrawAPatent() {
        UUID owner = CatalogFixtures.registeredPartner("Owner University", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        String stranger = TestTokens.partner(CatalogFixtures.registeredPartner("Stranger Institute", "KZ"));

        as(stranger).header("If-Match", "\"0\"").body(Map.of("exportClass", "PROHIBITED")).patch("/patents/" + patent)
                .then().statusCode(anyOf(equalTo(403), equalTo(404))).contentType("application/problem+json");
        as(stranger).header("If-Match", "\"0\"").delete("/patents/" + patent)
                .then().statusCode(anyOf(equalTo(403), equalTo(404))).contentType("application/problem+json");

        as(TestTokens.partner(owner)).get("/patents/" + patent).then().statusCode(200)
                .header("ETag", "\"0\"").body("exportClass", equalTo("FREE")).body("status", equalTo("AVAILABLE"));
    }

    @Test
    void shouldNotLetAnotherPartnerChangeOrReadThePrivateDataOfAPartner() {
        UUID victim = CatalogFixtures.registeredPartner("Victim University", "CN");
        String stranger = TestTokens.partner(CatalogFixtures.registeredPartner("Nosy Institute", "KZ"));

        as(stranger).body(Map.of("contactEmail", "attacker@evil.example")).patch("/partners/" + victim)
                .then().statusCode(anyOf(equalTo(403), equalTo(404))).contentType("application/problem+json");
        as(stranger).get("/partners/" + victim).then().statusCode(200).body("contactEmail", nullValue());
        as(stranger).get("/partners?size=100").then().statusCode(200)
                .body("items.find { it.id == '" + victim + "' }.contactEmail", nullValue());

        as(TestTokens.partner(victim)).get("/partners/" + victim).then().statusCode(200)
                .body("contactEmail", equalTo("tto@lzu.example.cn"));
    }

    @Test
    void shouldKeepOperatorActionsFromPartners() {
        UUID partner = CatalogFixtures.registeredPartner("Ambitious University", "CN");
        String token = TestTokens.partner(partner);

        as(token).body(CatalogFixtures.partnerBody("Self-registered", "CN")).post("/partners")
                .then().statusCode(403).contentType("application/problem+json");
        // the legal identity is the operator's to change, even for the partner itself
        as(token).body(Map.of("legalName", "Renamed University", "country", "KZ")).patch("/partners/" + partner)
                .then().statusCode(403).contentType("application/problem+json");
        as(token).get("/partners/" + partner).then().body("legalName", equalTo("Ambitious University")).body("country", equalTo("CN"));
    }

    @Test
    void shouldKeepPartnerActionsFromIntegrators() {
        UUID owner = CatalogFixtures.registeredPartner("Listing University", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        String integrator = TestTokens.mint(owner, "integrator");

        as(integrator).body(CatalogFixtures.patentBody(CatalogFixtures.freshPublicationNumber("CN"))).post("/patents")
                .then().statusCode(403).contentType("application/problem+json");
        as(integrator).header("If-Match", "\"0\"").body(Map.of("dealTypes", List.of("ASSIGNMENT"))).patch("/patents/" + patent)
                .then().statusCode(403);
        as(integrator).header("If-Match", "\"0\"").delete("/patents/" + patent).then().statusCode(403);
        as(integrator).body(CatalogFixtures.partnerBody("Integrator-made", "CN")).post("/partners").then().statusCode(403);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
