package org.iprharbor.catalog.api;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every kind of client mistake gets an RFC 9457 problem+json answer with a useful detail and never a
 * stack trace (the mappers live in service-kit; each service proves them on its own routes).
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldListEveryInvalidFieldOnValidationFailure() {
        Map<String, Object> body = new HashMap<>(CatalogFixtures.partnerBody("", "XX"));
        body.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/partners")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/partners"))
                .body("errors.field", hasItem("legalName"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("timeZone"))
                .body("detail", containsString("ISO 3166-1"));
    }

    @Test
    void shouldNameTheOffendingNestedField() {
        UUID owner = CatalogFixtures.registeredPartner("Baiyin Nonferrous Metals Company", "CN");
        Map<String, Object> body = new HashMap<>(CatalogFixtures.patentBody("CN-113000001-A"));
        body.put("askingPrice", Map.of("amount", "-5", "currency", "XYZ"));
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .when().post("/patents")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("askingPrice.amount"))
                .body("errors.field", hasItem("askingPrice.currency"));
    }

    @Test
    void shouldRejectMalformedJsonWith400() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{\"legalName\": ")
                .when().post("/partners")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/malformed-json"))
                .body("detail", startsWith("The request body is not valid JSON"))
                .body(not(containsString("at org.")));
    }

    @Test
    void shouldRejectUnknownFieldsNamingThem() {
        Map<String, Object> body = new HashMap<>(CatalogFixtures.partnerBody("Al-Farabi Kazakh National University", "KZ"));
        body.put("id", UUID.randomUUID().toString());
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/partners")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldRejectWrongJsonTypeNamingTheField() {
        Map<String, Object> body = new HashMap<>(CatalogFixtures.partnerBody("Tashkent State Technical University", "UZ"));
        body.put("languages", Map.of("first", "uz"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/partners")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("languages"));
    }

    @Test
    void shouldAnswerUnknownRouteWith404() {
        given().auth().oauth2(TestTokens.operator())
                .when().get("/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("/no-such-thing"));
    }

    @Test
    void shouldAnswerUnknownIdWith404() {
        given().auth().oauth2(TestTokens.operator())
                .when().get("/partners/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/not-found"));
    }

    @Test
    void shouldAnswerMalformedIdWith404() {
        given().auth().oauth2(TestTokens.operator())
                .when().get("/partners/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldAnswerWrongMethodWith405() {
        given().auth().oauth2(TestTokens.operator())
                .when().delete("/partners")
                .then().statusCode(405).contentType(PROBLEM)
                .body("detail", containsString("not allowed on /partners"));
    }

    @Test
    void shouldAnswerUnsupportedMediaTypeWith415() {
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.XML).body("<partner/>")
                .when().post("/partners")
                .then().statusCode(415).contentType(PROBLEM)
                .body("detail", containsString("application/json"));
    }

    @Test
    void shouldAnswerOversizedBodyWith413() {
        String huge = "{\"legalName\":\"" + "x".repeat(1_100_000) + "\"}";
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(huge)
                .when().post("/partners")
                .then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413));
    }

    @Test
    void shouldAnswerMissingTokenWith401() {
        given().contentType(ContentType.JSON).body(CatalogFixtures.partnerBody("Anonymous", "CN"))
                .when().post("/partners")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void shouldAnswerForgedTokenWith401() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .when().get("/partners")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void shouldAnswerWrongRoleWith403() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(CatalogFixtures.partnerBody("Self-registered", "CN"))
                .when().post("/partners")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
