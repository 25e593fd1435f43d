package org.iprharbor.catalog.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Owners change and withdraw their listings with optimistic concurrency; nobody else can; each change is
 * one event with the new version; bad input is refused field by field.
 */
@QuarkusTest
class PatentChangesTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldUpdateWithCurrentVersionAndPublishPatentUpdated() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID id = CatalogFixtures.listedPatent(owner, Map.of());
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.patents.v1")) {
            given().auth().oauth2(TestTokens.partner(owner)).header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON).body(Map.of("exportClass", "RESTRICTED", "askingPrice",
                            Map.of("amount", "120000.00", "currency", "USD")))
                    .when().patch("/patents/" + id)
                    .then().statusCode(200).header("ETag", "\"1\"")
                    .body("exportClass", equalTo("RESTRICTED"))
                    .body("askingPrice.currency", equalTo("USD"))
                    .body("version", equalTo(1));

            var updated = probe.await(r -> id.toString().equals(r.key())
                    && "org.iprharbor.catalog.patent-updated.v1".equals(KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(updated.get(0), "ce_sequence")).isEqualTo("00000000000000000001");
            assertThat(updated.get(0).value()).contains("\"exportClass\":\"RESTRICTED\"", "\"version\":1");
        }
    }

    @Test
    void shouldRefuseStaleOrMissingIfMatch() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID id = CatalogFixtures.listedPatent(owner, Map.of());
        Map<String, Object> change = Map.of("legalStatus", "LAPSED");
        given().auth().oauth2(TestTokens.partner(owner)).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                .when().patch("/patents/" + id).then().statusCode(200);

        given().auth().oauth2(TestTokens.partner(owner)).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(change)
                .when().patch("/patents/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("detail", containsString("version 1"));
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(change)
                .when().patch("/patents/" + id)
                .then().statusCode(428).contentType(PROBLEM);
    }

    @Test
    void shouldLetOnlyTheOwnerChangeAndOnlyOwnerOrOperatorWithdraw() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID stranger = CatalogFixtures.registeredPartner("Tashkent State Technical University", "UZ");
        UUID id = CatalogFixtures.listedPatent(owner, Map.of());

        given().auth().oauth2(TestTokens.partner(stranger)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("legalStatus", "LAPSED"))
                .when().patch("/patents/" + id).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner(stranger)).when().delete("/patents/" + id)
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.operator()).when().delete("/patents/" + id)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldHideAWithdrawnListingFromEveryoneButItsOwnerAndOperators() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID id = CatalogFixtures.listedPatent(owner, Map.of());
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.patents.v1")) {
            given().auth().oauth2(TestTokens.partner(owner)).when().delete("/patents/" + id)
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            probe.await(r -> id.toString().equals(r.key())
                    && "org.iprharbor.catalog.patent-withdrawn.v1".equals(KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(20));
        }
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).when().get("/patents/" + id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.partner(owner)).when().get("/patents/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).when().get("/patents/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).queryParam("owner", owner.toString())
                .queryParam("status", "WITHDRAWN").when().get("/patents")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner(owner)).queryParam("owner", owner.toString())
                .queryParam("status", "WITHDRAWN").when().get("/patents")
                .then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(TestTokens.partner(owner)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("legalStatus", "LAPSED"))
                .when().patch("/patents/" + id).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void shouldExpireListingsPastTheirExpiryDate() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID id = CatalogFixtures.listedPatent(owner, Map.of());
        QuarkusTransaction.requiringNew().run(() -> org.iprharbor.catalog.domain.Patent.getEntityManager()
                .createNativeQuery("UPDATE patent SET expiry_date = current_date - 1 WHERE id = ?1").setParameter(1, id).executeUpdate());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.partner(owner)).when().get("/patents/" + id)
                        .then().statusCode(200).body("status", equalTo("EXPIRED")));
    }

    @Test
    void shouldRejectEachInvalidFieldOfAListing() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        assertInvalid(owner, Map.of("publicationNumber", "not a number"), "publicationNumber");
        assertInvalid(owner, Map.of("ipcClasses", List.of("H01M 10/0525", "lithium")), "ipcClasses[1]");
        assertInvalid(owner, Map.of("jurisdiction", "XX"), "jurisdiction");
        assertInvalid(owner, Map.of("familyCoverage", List.of("KZ", "ZZ")), "familyCoverage[1]");
        assertInvalid(owner, Map.of("askingPrice", Map.of("amount", "100.00", "currency", "ABC")), "askingPrice.currency");
        assertInvalid(owner, Map.of("askingPrice", Map.of("amount", "-1", "currency", "CNY")), "askingPrice.amount");
        assertInvalid(owner, Map.of("grantDate", "2018-01-01"), "grantDate");
        assertInvalid(owner, Map.of("expiryDate", "2010-01-01"), "expiryDate");
        assertInvalid(owner, Map.of("titles", Map.of("en", "x".repeat(501))), "titles[en]");
        assertInvalid(owner, Map.of("titles", Map.of()), "titles");
        assertInvalid(owner, Map.of("dealTypes", List.of("SALE")), "dealTypes[0]");
        assertInvalid(owner, Map.of("ownerId", UUID.randomUUID().toString()), "ownerId");
    }

    @Test
    void shouldRefuseASecondListingOfOnePublication() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        String number = CatalogFixtures.freshPublicationNumber("CN");
        CatalogFixtures.listedPatent(owner, Map.of("publicationNumber", number));
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON)
                .body(CatalogFixtures.patentBody(number.toLowerCase().replace('-', ' ')))
                .when().post("/patents")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString(number));
    }

    private static void assertInvalid(UUID owner, Map<String, Object> override, String field) {
        Map<String, Object> body = new HashMap<>(CatalogFixtures.patentBody(CatalogFixtures.freshPublicationNumber("CN")));
        body.putAll(override);
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON).body(body)
                .when().post("/patents")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }
}
