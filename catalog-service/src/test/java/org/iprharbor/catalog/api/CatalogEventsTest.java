package org.iprharbor.catalog.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A write through the REST API is committed in PostgreSQL and its event reaches the real broker once,
 * as a CloudEvent keyed by the aggregate.
 */
@QuarkusTest
class CatalogEventsTest {

    @Test
    void shouldPublishPartnerRegisteredOnceWithCloudEventHeaders() {
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.partners.v1")) {
            UUID partnerId = CatalogFixtures.registeredPartner("Lanzhou University", "CN");

            List<ConsumerRecord<String, String>> records = probe.await(
                    record -> partnerId.toString().equals(record.key()), 1, Duration.ofSeconds(20));

            ConsumerRecord<String, String> record = records.get(0);
            assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("org.iprharbor.catalog.partner-registered.v1");
            assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/harbor/catalog-service");
            assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(partnerId.toString());
            assertThat(KafkaProbe.header(record, "ce_sequence")).isEqualTo("00000000000000000000");
            assertThat(UUID.fromString(KafkaProbe.header(record, "ce_id"))).isNotNull();
            assertThat(record.value()).contains("\"legalName\":\"Lanzhou University\"", "\"country\":\"CN\"");
            assertThat(probe.seen(r -> partnerId.toString().equals(r.key()))).hasSize(1);
        }
    }

    @Test
    void shouldListPatentForCallerAndPublishPatentListed() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou Petrochemical Research Institute", "CN");
        String patentId;
        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.patents.v1")) {
            patentId = given().auth().oauth2(TestTokens.partner(owner))
                    .contentType(ContentType.JSON).body(CatalogFixtures.patentBody("cn 114123456 b"))
                    .when().post("/patents")
                    .then().statusCode(201)
                    .body("publicationNumber", equalTo("CN-114123456-B"))
                    .body("ownerId", equalTo(owner.toString()))
                    .body("ipcClasses[0]", equalTo("H01M 10/0525"))
                    .body("expiryDate", equalTo("2039-03-14"))
                    .body("status", equalTo("AVAILABLE"))
                    .extract().path("id");

            ConsumerRecord<String, String> record = probe.await(r -> patentId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("org.iprharbor.catalog.patent-listed.v1");
            assertThat(record.value()).contains("\"ownerId\":\"" + owner + "\"", "\"exportClass\":\"FREE\"");
        }

        given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .when().get("/patents/" + patentId)
                .then().statusCode(200).body("titles.zh", equalTo("高镍三元锂电池正极材料及其制备方法"));
    }
}
