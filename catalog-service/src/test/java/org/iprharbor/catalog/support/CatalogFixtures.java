package org.iprharbor.catalog.support;

import java.util.Map;
import java.util.UUID;

import org.iprharbor.testing.TestTokens;

import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/**
 * Realistic request bodies and a registered partner to act as, for the catalog's API tests.
 */
public final class CatalogFixtures {

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS =
            new java.util.concurrent.atomic.AtomicLong(100_000_000L + new java.util.Random().nextInt(800_000_000));

    private CatalogFixtures() {
    }

    public static Map<String, Object> partnerBody(String legalName, String country) {
        return Map.of(
                "legalName", legalName,
                "localNames", Map.of("zh", "兰州大学"),
                "kind", "UNIVERSITY",
                "country", country,
                "languages", java.util.List.of("zh", "en"),
                "timeZone", "Asia/Shanghai",
                "contactEmail", "tto@lzu.example.cn");
    }

    /** Registers a partner as an operator and returns its id. */
    public static UUID registeredPartner(String legalName, String country) {
        String id = given().auth().oauth2(TestTokens.operator())
                .contentType(ContentType.JSON).body(partnerBody(legalName, country))
                .when().post("/partners")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A publication number no other test uses. */
    public static String freshPublicationNumber(String country) {
        return country + "-" + NUMBERS.incrementAndGet() + "-B";
    }

    /** Lists a patent as its owner, with the given fields replacing the defaults; returns its id. */
    public static UUID listedPatent(UUID owner, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(patentBody(freshPublicationNumber("CN")));
        body.putAll(overrides);
        String id = given().auth().oauth2(TestTokens.partner(owner))
                .contentType(ContentType.JSON).body(body)
                .when().post("/patents")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static Map<String, Object> patentBody(String publicationNumber) {
        return Map.ofEntries(
                Map.entry("publicationNumber", publicationNumber),
                Map.entry("titles", Map.of("en", "High-nickel ternary cathode material for lithium-ion batteries",
                        "zh", "高镍三元锂电池正极材料及其制备方法")),
                Map.entry("abstracts", Map.of("en", "A cathode material with a stable layered structure.")),
                Map.entry("ipcClasses", java.util.List.of("h01m 10/0525", "H01M4/505")),
                Map.entry("jurisdiction", "CN"),
                Map.entry("familyCoverage", java.util.List.of("KZ", "RU")),
                Map.entry("filingDate", "2019-03-14"),
                Map.entry("grantDate", "2021-07-02"),
                Map.entry("legalStatus", "GRANTED"),
                Map.entry("exportClass", "FREE"),
                Map.entry("dealTypes", java.util.List.of("ASSIGNMENT", "NON_EXCLUSIVE_LICENCE")),
                Map.entry("askingPrice", Map.of("amount", "250000.00", "currency", "CNY")),
                Map.entry("targetTerritories", java.util.List.of("KZ", "UZ")));
    }

    /** A need in Russian and Kazakh for lithium-battery cathode technology in Kazakhstan, with a budget. */
    public static Map<String, Object> needBody() {
        return Map.of(
                "titles", Map.of("ru", "Катодный материал для литий-ионных аккумуляторов",
                        "kk", "Литий-иондық аккумуляторларға арналған катод материалы"),
                "descriptions", Map.of("ru", "Ищем технологию производства катодного материала для завода в Павлодаре."),
                "ipcClasses", java.util.List.of("H01M 4"),
                "keywords", Map.of("ru", java.util.List.of("катодный", "аккумулятор")),
                "territories", java.util.List.of("KZ"),
                "dealTypes", java.util.List.of("NON_EXCLUSIVE_LICENCE"),
                "budget", Map.of("amount", "300000.00", "currency", "CNY"),
                "validUntil", "2030-01-01T00:00:00Z");
    }

    /** Posts a need as its owner, with the given fields replacing the defaults; returns its id. */
    public static UUID postedNeed(UUID owner, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(needBody());
        body.putAll(overrides);
        String id = given().auth().oauth2(TestTokens.partner(owner))
                .contentType(ContentType.JSON).body(body)
                .when().post("/needs")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
