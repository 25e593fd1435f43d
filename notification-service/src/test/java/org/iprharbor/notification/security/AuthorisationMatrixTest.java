package org.iprharbor.notification.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Every integrator endpoint tried with a partner's token (403) and every subscription and delivery endpoint with
 * another integrator's token (404); partner endpoints with an integrator's token (403) and another partner's alert
 * (404). The subscription is unchanged afterwards.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    private static final Map<String, Object> SUBSCRIPTION = Map.of(
            "url", "http://127.0.0.1:9/hooks/matrix", "eventTypes", List.of("org.iprharbor.matrix.nothing.v1"));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldKeepIntegratorEndpointsFromPartnersAndSubscriptionsFromOtherIntegrators() {
        UUID owner = UUID.randomUUID();
        String id = as(TestTokens.mint(owner, "integrator")).body(SUBSCRIPTION).post("/subscriptions")
                .then().statusCode(201).extract().path("id");
        String partner = TestTokens.partner(owner); // even the same subject in the partner role
        String otherIntegrator = TestTokens.mint(UUID.randomUUID(), "integrator");

        for (String token : List.of(partner, otherIntegrator)) {
            int expected = token.equals(partner) ? 403 : 404;
            as(token).get("/subscriptions/" + id).then().statusCode(expected).contentType("application/problem+json");
            as(token).delete("/subscriptions/" + id).then().statusCode(expected);
            as(token).post("/subscriptions/" + id + "/rotate-secret").then().statusCode(expected);
            as(token).post("/subscriptions/" + id + "/enable").then().statusCode(expected);
            as(token).get("/subscriptions/" + id + "/deliveries").then().statusCode(expected);
            as(token).queryParam("since", "2026-01-01T00:00:00Z").post("/subscriptions/" + id + "/replay").then().statusCode(expected);
            as(token).post("/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(expected);
        }
        as(partner).get("/subscriptions").then().statusCode(403);
        as(partner).body(SUBSCRIPTION).post("/subscriptions").then().statusCode(403);

        as(TestTokens.mint(owner, "integrator")).get("/subscriptions/" + id).then().statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/hooks/matrix"));
    }

    @Test
    void shouldKeepPartnerEndpointsFromIntegratorsAndAlertsFromOtherPartners() {
        UUID owner = UUID.randomUUID();
        String alert = as(TestTokens.partner(owner)).body(Map.of("keywords", List.of("desalination")))
                .post("/alerts").then().statusCode(201).extract().path("id");
        String integrator = TestTokens.mint(owner, "integrator");

        as(integrator).get("/alerts").then().statusCode(403);
        as(integrator).body(Map.of("keywords", List.of("x"))).post("/alerts").then().statusCode(403);
        as(integrator).delete("/alerts/" + alert).then().statusCode(403);
        as(integrator).get("/preferences").then().statusCode(403);
        as(integrator).body(Map.of("email", false, "inbox", false)).put("/preferences").then().statusCode(403);
        as(TestTokens.partner(UUID.randomUUID())).delete("/alerts/" + alert).then().statusCode(404);

        as(TestTokens.partner(owner)).get("/alerts").then().statusCode(200).body("id", hasItem(alert));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
