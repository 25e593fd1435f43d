package org.iprharbor.catalog.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * A partner keeps its contact data and languages current; only operators change its legal identity.
 */
@QuarkusTest
class PartnerChangesTest {

    @Test
    void shouldLetThePartnerChangeItsLanguagesAndPublishPartnerUpdated() {
        UUID partner = CatalogFixtures.registeredPartner("Al-Farabi Kazakh National University", "KZ");
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.partners.v1")) {
            given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                    .body(Map.of("languages", List.of("kk", "ru", "en"), "timeZone", "Asia/Almaty",
                            "contactEmail", "tto@kaznu.kz.example"))
                    .when().patch("/partners/" + partner)
                    .then().statusCode(200).header("ETag", "\"1\"")
                    .body("languages", equalTo(List.of("kk", "ru", "en")))
                    .body("contactEmail", equalTo("tto@kaznu.kz.example"));

            var updated = probe.await(r -> partner.toString().equals(r.key())
                    && "org.iprharbor.catalog.partner-updated.v1".equals(KafkaProbe.header(r, "ce_type")), 1, Duration.ofSeconds(20));
            assertThat(updated.get(0).value()).contains("\"languages\":[\"kk\",\"ru\",\"en\"]", "\"version\":1");
        }
    }

    @Test
    void shouldReserveTheLegalIdentityToOperators() {
        UUID partner = CatalogFixtures.registeredPartner("Margalla Solar", "PK");
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Margalla Solar Holdings", "country", "AE"))
                .when().patch("/partners/" + partner)
                .then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", hasItem("legalName"))
                .body("errors.field", hasItem("country"));
        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Margalla Solar (Pvt) Ltd", "localNames", Map.of("ur", "مارگلہ سولر")))
                .when().patch("/partners/" + partner)
                .then().statusCode(200)
                .body("legalName", equalTo("Margalla Solar (Pvt) Ltd"))
                .body("localNames.ur", equalTo("مارگلہ سولر"));
    }

    @Test
    void shouldHideOtherPartnersFromChangesAndTheirEmailFromView() {
        UUID partner = CatalogFixtures.registeredPartner("Vietnam Academy of Science and Technology", "VN");
        UUID other = CatalogFixtures.registeredPartner("Sinai Water Research Centre", "EG");
        given().auth().oauth2(TestTokens.partner(other)).contentType(ContentType.JSON)
                .body(Map.of("contactEmail", "attacker@example.org"))
                .when().patch("/partners/" + partner)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(other)).when().get("/partners/" + partner)
                .then().statusCode(200).body("contactEmail", nullValue());
        given().auth().oauth2(TestTokens.partner(partner)).header("If-Match", "\"7\"").contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Asia/Ho_Chi_Minh"))
                .when().patch("/partners/" + partner)
                .then().statusCode(412);
    }
}
