package org.iprharbor.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.catalog.support.DealEvents;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.ProducerContract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * catalog-service keeps its published contract, docs/asyncapi/catalog-service/asyncapi.yaml: every partner, patent,
 * need and match event its tests caused matches it, and it publishes every type it documents.
 */
@QuarkusTest
class EventContractTest extends ProducerContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected String producer() {
        return "catalog-service";
    }

    @Override
    protected void produceEveryDocumentedType() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        given().auth().oauth2(TestTokens.partner(owner)).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Asia/Urumqi"))
                .when().patch("/partners/" + owner).then().statusCode(200);

        UUID listed = CatalogFixtures.listedPatent(owner, Map.of());
        given().auth().oauth2(TestTokens.partner(owner)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("exportClass", "RESTRICTED"))
                .when().patch("/patents/" + listed).then().statusCode(200);
        given().auth().oauth2(TestTokens.partner(owner)).when().delete("/patents/" + listed).then().statusCode(200);

        UUID buyer = CatalogFixtures.registeredPartner("Satbayev University", "KZ");
        UUID licensed = CatalogFixtures.listedPatent(owner, Map.of());
        UUID licence = UUID.randomUUID();
        DealEvents.publish("offer-accepted", UUID.randomUUID(), licence, licensed, buyer, "EXCLUSIVE_LICENCE");
        awaitStatus(owner, licensed, "RESERVED");
        DealEvents.publish("deal-cancelled", UUID.randomUUID(), licence, licensed, buyer, "EXCLUSIVE_LICENCE");

        UUID assigned = CatalogFixtures.listedPatent(owner, Map.of());
        DealEvents.publish("deal-completed", UUID.randomUUID(), UUID.randomUUID(), assigned, buyer, "ASSIGNMENT");
        awaitStatus(buyer, assigned, "TRANSFERRED");
        awaitStatus(owner, licensed, "AVAILABLE");

        UUID seeker = CatalogFixtures.registeredPartner("Pavlodar Battery Plant", "KZ");
        UUID need = CatalogFixtures.postedNeed(seeker, Map.of());
        given().auth().oauth2(TestTokens.partner(seeker)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("territories", java.util.List.of("KZ", "UZ")))
                .when().patch("/needs/" + need).then().statusCode(200);
        CatalogFixtures.listedPatent(owner, Map.of()); // H01M 4/505, in force in KZ: matches the need
        given().auth().oauth2(TestTokens.partner(seeker)).when().delete("/needs/" + need).then().statusCode(200);
    }

    private static void awaitStatus(UUID viewer, UUID patent, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(viewer))
                .when().get("/patents/" + patent).then().statusCode(200).body("status", equalTo(status)));
    }
}
