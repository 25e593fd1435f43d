package org.iprharbor.notification.ops;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dashboard's data is for operators only: no token is 401, a partner's or integrator's token is 403, both as
 * problem+json; the page shell (which holds no data) is public.
 */
@QuarkusTest
class OpsAccessTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/ops/api/me", "/ops/api/feed", "/ops/api/feed/stream", "/ops/api/funnel", "/ops/api/throughput",
            "/ops/api/lag", "/ops/api/deliveries", "/ops/api/dead-letters", "/ops/api/audit", "/ops/api/deadlines",
            "/ops/api/deals/8d1f1c2e-4d47-4bb1-9a57-6f0f2b7d9c11/timeline" })
    void shouldRefuseAnyoneButAnOperator(String path) {
        given().when().get(path)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).when().get(path)
                .then().statusCode(403).contentType("application/problem+json").body("type", containsString("forbidden"));
        given().auth().oauth2(TestTokens.integrator()).when().get(path)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseARedriveByAPartnerBeforeReadingTheBody() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).contentType("application/json")
                .body("{\"topic\":\"harbor.deals.v1.dlq\",\"partition\":0,\"offset\":0}")
                .when().post("/ops/api/dead-letters/redrive")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldTellTheOperatorWhoIsSignedIn() {
        given().auth().oauth2(TestTokens.operator()).when().get("/ops/api/me")
                .then().statusCode(200).body("subject", equalTo(TestTokens.OPERATOR_ID.toString())).body("operator", equalTo(true));
    }

    @Test
    void shouldServeThePageShellWithoutAToken() {
        given().when().get("/ops/")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("id=\"login-form\""));
        given().when().get("/ops/ops.js").then().statusCode(200).body(containsString("sessionStorage"));
        given().redirects().follow(false).when().get("/ops")
                .then().statusCode(301).header("Location", org.hamcrest.Matchers.endsWith("/ops/"));
    }
}
