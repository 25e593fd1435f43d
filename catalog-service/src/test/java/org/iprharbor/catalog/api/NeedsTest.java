package org.iprharbor.catalog.api;

import java.util.HashMap;
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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Needs through the REST API against the real database: posting as the caller, the budget shown only to its owner
 * and operators, validation problems as for patents, optimistic concurrency, closing, and the patents' query language.
 */
@QuarkusTest
class NeedsTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldPostANeedForTheCallerAndShowItsBudgetOnlyToItsOwnerAndOperators() {
        UUID owner = CatalogFixtures.registeredPartner("Pavlodar Chemical Plant", "KZ");
        Map<String, Object> body = new HashMap<>(CatalogFixtures.needBody());
        body.put("ownerId", UUID.randomUUID().toString()); // not a field: refused, never taken as the owner

        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .when().post("/needs").then().statusCode(400).contentType(PROBLEM);

        String id = given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(CatalogFixtures.needBody())
                .when().post("/needs")
                .then().statusCode(201).header("ETag", "\"0\"").header("Location", containsString("/needs/"))
                .body("ownerId", equalTo(owner.toString())).body("status", equalTo("OPEN"))
                .body("ipcClasses", equalTo(List.of("H01M 4"))).body("budget.currency", equalTo("CNY"))
                .extract().path("id");

        String stranger = TestTokens.partner(CatalogFixtures.registeredPartner("Curious Trading LLP", "KZ"));
        given().auth().oauth2(stranger).get("/needs/" + id).then().statusCode(200)
                .body("titles.ru", equalTo("Катодный материал для литий-ионных аккумуляторов"))
                .body("$", not(org.hamcrest.Matchers.hasKey("budget")));
        given().auth().oauth2(stranger).queryParam("owner", owner).get("/needs").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].budget", nullValue());
        given().auth().oauth2(TestTokens.operator()).get("/needs/" + id).then().statusCode(200)
                .body("budget.amount", equalTo(300000.00f));
        given().auth().oauth2(TestTokens.partner(owner)).get("/needs/" + id).then().statusCode(200)
                .body("budget.amount", notNullValue());
    }

    @Test
    void shouldRefuseInvalidNeedsWithProblemsNamingTheFields() {
        UUID owner = CatalogFixtures.registeredPartner("Invalid Needs LLP", "UZ");
        Map<String, Object> body = new HashMap<>(CatalogFixtures.needBody());
        body.put("titles", Map.of());
        body.put("territories", List.of("XX"));
        body.put("validUntil", "2001-01-01T00:00:00Z");
        body.put("budget", Map.of("amount", "-1", "currency", "XYZ"));
        body.put("keywords", Map.of("ru", List.of("x")));

        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .when().post("/needs")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://iprharbor.org/problems/validation"))
                .body("errors.field", hasItems("titles", "territories[0]", "validUntil", "budget.amount", "budget.currency"))
                .body("errors.field", hasItem(containsString("keywords")));

        body = new HashMap<>(CatalogFixtures.needBody());
        body.put("ipcClasses", List.of("H01"));
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .when().post("/needs")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("ipcClasses[0]"));

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body(CatalogFixtures.needBody())
                .when().post("/needs").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void shouldChangeANeedOnlyWithTheCurrentVersionAndOnlyAsItsOwner() {
        UUID owner = CatalogFixtures.registeredPartner("Tashkent Textile Combine", "UZ");
        UUID need = CatalogFixtures.postedNeed(owner, Map.of());
        String token = TestTokens.partner(owner);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("territories", List.of("UZ")))
                .when().patch("/needs/" + need).then().statusCode(428).contentType(PROBLEM);
        given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("territories", List.of("UZ")))
                .when().patch("/needs/" + need).then().statusCode(200).header("ETag", "\"1\"")
                .body("territories", equalTo(List.of("UZ"))).body("titles.kk", notNullValue());
        given().auth().oauth2(token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("territories", List.of("KZ")))
                .when().patch("/needs/" + need).then().statusCode(412).contentType(PROBLEM);

        String stranger = TestTokens.partner(CatalogFixtures.registeredPartner("Other Combine", "UZ"));
        given().auth().oauth2(stranger).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("territories", List.of("KZ")))
                .when().patch("/needs/" + need).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(stranger).delete("/needs/" + need).then().statusCode(403).contentType(PROBLEM);

        given().auth().oauth2(token).delete("/needs/" + need).then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(token).delete("/needs/" + need).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(stranger).get("/needs/" + need).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).get("/needs/" + need).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void shouldSearchNeedsWithThePatentsQueryLanguage() {
        UUID owner = CatalogFixtures.registeredPartner("Samarkand Water Authority", "UZ");
        String word = "suvtozalash" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
        UUID uzbek = CatalogFixtures.postedNeed(owner, Map.of(
                "titles", Map.of("uz", "Ichimlik suvini tozalash texnologiyasi " + word),
                "ipcClasses", List.of("C02F 1/44"), "territories", List.of("UZ", "TJ"), "dealTypes", List.of("ASSIGNMENT")));
        UUID chinese = CatalogFixtures.postedNeed(owner, Map.of(
                "titles", Map.of("zh", "高效海水淡化膜材料" + word), "keywords", Map.of("zh", List.of("海水淡化")),
                "ipcClasses", List.of("C02F 1/44"), "territories", List.of("UZ")));
        String token = TestTokens.partner(CatalogFixtures.registeredPartner("Searching Institute", "KZ"));

        given().auth().oauth2(token).queryParam("q", word).get("/needs").then().statusCode(200)
                .body("items.id", equalTo(List.of(uzbek.toString())));
        given().auth().oauth2(token).queryParam("q", "海水淡化").queryParam("owner", owner).get("/needs").then().statusCode(200)
                .body("items.id", equalTo(List.of(chinese.toString())));
        given().auth().oauth2(token).queryParam("ipc", "c02f").queryParam("country", "TJ").queryParam("owner", owner)
                .get("/needs").then().statusCode(200).body("items.id", equalTo(List.of(uzbek.toString())));
        given().auth().oauth2(token).queryParam("dealType", "ASSIGNMENT").queryParam("owner", owner)
                .get("/needs").then().statusCode(200).body("items.id", equalTo(List.of(uzbek.toString())));

        String first = given().auth().oauth2(token).queryParam("owner", owner).queryParam("limit", 1).get("/needs")
                .then().statusCode(200).body("items.id", equalTo(List.of(chinese.toString())))
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("owner", owner).queryParam("limit", 1).queryParam("cursor", first)
                .get("/needs").then().statusCode(200).body("items.id", equalTo(List.of(uzbek.toString())))
                .body("nextCursor", nullValue());

        given().auth().oauth2(token).queryParam("owner", owner).get("/needs/facets").then().statusCode(200)
                .body("ipcSections.C", equalTo(2)).body("countries.UZ", equalTo(2)).body("countries.TJ", equalTo(1));
        given().auth().oauth2(token).queryParam("ipc", "not an ipc").get("/needs").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("ipc"));
        given().auth().oauth2(token).queryParam("sort", "RELEVANCE").get("/needs").then().statusCode(400).contentType(PROBLEM);
    }
}
