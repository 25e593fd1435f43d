package org.iprharbor.catalog.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.catalog.support.DealEvents;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deal events on the real broker reserve, release and transfer patents in the real database: once per
 * event, tolerant of replays and late events, and a poison record is dead-lettered while the next is applied.
 */
@QuarkusTest
class DealEffectsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldReserveOnAgreementAndReleaseWhenTheDealIsCancelled() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        UUID deal = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        try (KafkaProbe patents = KafkaProbe.readFromStart("harbor.patents.v1")) {
            UUID accepted = publish("offer-accepted", deal, patent, buyer, "EXCLUSIVE_LICENCE");
            awaitStatus(owner, patent, "RESERVED");
            given().auth().oauth2(TestTokens.partner(owner)).when().delete("/patents/" + patent)
                    .then().statusCode(409).contentType("application/problem+json");

            republish(accepted, "offer-accepted", deal, patent, buyer, "EXCLUSIVE_LICENCE");
            publish("deal-cancelled", UUID.randomUUID(), patent, UUID.randomUUID(), "EXCLUSIVE_LICENCE");
            publish("deal-cancelled", deal, patent, buyer, "EXCLUSIVE_LICENCE");
            awaitStatus(owner, patent, "AVAILABLE");

            List<String> types = types(patents, patent, 3);
            assertThat(types).containsExactly("org.iprharbor.catalog.patent-listed.v1",
                    "org.iprharbor.catalog.patent-reserved.v1", "org.iprharbor.catalog.patent-released.v1");
            assertThat(patents.seen(r -> patent.toString().equals(r.key()))).hasSize(3);
        }
    }

    @Test
    void shouldReleaseWhenTheExportIsDenied() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of("exportClass", "RESTRICTED"));
        UUID deal = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        publish("offer-accepted", deal, patent, buyer, "ASSIGNMENT");
        awaitStatus(owner, patent, "RESERVED");
        publish("export-denied", deal, patent, buyer, "ASSIGNMENT");
        awaitStatus(owner, patent, "AVAILABLE");
    }

    /** A deal agreed before the export procedure goes back to the authority's review: its agreement is void. */
    @Test
    void shouldReleaseWhenAnAgreedRestrictedDealGoesBackForALetterOfIntentOrIsRefusedOne() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou University", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of("exportClass", "RESTRICTED"));
        UUID deal = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        publish("offer-accepted", deal, patent, buyer, "EXCLUSIVE_LICENCE");
        awaitStatus(owner, patent, "RESERVED");
        publish("export-intent-requested", deal, patent, buyer, "EXCLUSIVE_LICENCE");
        awaitStatus(owner, patent, "AVAILABLE");

        UUID refused = UUID.randomUUID();
        publish("offer-accepted", refused, patent, buyer, "EXCLUSIVE_LICENCE");
        awaitStatus(owner, patent, "RESERVED");
        publish("export-intent-refused", refused, patent, buyer, "EXCLUSIVE_LICENCE");
        awaitStatus(owner, patent, "AVAILABLE");
    }

    @Test
    void shouldTransferACompletedAssignmentToTheBuyerEvenWhenAcceptanceArrivesLate() {
        UUID owner = CatalogFixtures.registeredPartner("Lanzhou Institute of Petrochemical Technology", "CN");
        UUID buyer = CatalogFixtures.registeredPartner("Satbayev University", "KZ");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        UUID deal = UUID.randomUUID();
        try (KafkaProbe patents = KafkaProbe.readFromStart("harbor.patents.v1")) {
            publish("deal-completed", deal, patent, buyer, "ASSIGNMENT");
            JsonPath transferred = awaitStatus(buyer, patent, "TRANSFERRED");
            assertThat(transferred.getString("ownerId")).isEqualTo(buyer.toString());

            publish("offer-accepted", deal, patent, buyer, "ASSIGNMENT");
            publish("deal-completed", deal, patent, buyer, "ASSIGNMENT");
            UUID marker = UUID.randomUUID();
            publish("offer-accepted", marker, CatalogFixtures.listedPatent(owner, Map.of()), buyer, "NON_EXCLUSIVE_LICENCE");

            assertThat(types(patents, patent, 2)).containsExactly("org.iprharbor.catalog.patent-listed.v1",
                    "org.iprharbor.catalog.patent-transferred.v1");
            assertThat(patents.seen(r -> patent.toString().equals(r.key()))).hasSize(2);
        }
    }

    @Test
    void shouldRecordACompletedExclusiveLicenceAndKeepTheListingAvailable() {
        UUID owner = CatalogFixtures.registeredPartner("Baiyin Nonferrous Metals Company", "CN");
        UUID licensee = UUID.randomUUID();
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        UUID deal = UUID.randomUUID();
        publish("offer-accepted", deal, patent, licensee, "EXCLUSIVE_LICENCE");
        awaitStatus(owner, patent, "RESERVED");
        publish("deal-completed", deal, patent, licensee, "EXCLUSIVE_LICENCE");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath body = get(owner, patent);
            assertThat(body.getString("status")).isEqualTo("AVAILABLE");
            assertThat(body.getList("exclusiveLicences.dealId")).containsExactly(deal.toString());
            assertThat(body.getList("exclusiveLicences[0].territory")).containsExactly("KZ", "UZ");
        });
    }

    @Test
    void shouldDeadLetterPoisonAndUnknownPatentsAndKeepApplyingTheNext() {
        UUID owner = CatalogFixtures.registeredPartner("Gansu Technology Transfer Centre", "CN");
        UUID patent = CatalogFixtures.listedPatent(owner, Map.of());
        UUID deal = UUID.randomUUID();
        try (KafkaProbe deadLetters = KafkaProbe.readFromStart("harbor.deals.v1.dlq")) {
            KafkaProbe.publish("harbor.deals.v1", deal.toString(), Map.of("ce_id", "not-a-uuid"), "{}");
            UUID unknownPatent = publish("offer-accepted", deal, UUID.randomUUID(), UUID.randomUUID(), "ASSIGNMENT");
            publish("offer-accepted", deal, patent, UUID.randomUUID(), "ASSIGNMENT");

            awaitStatus(owner, patent, "RESERVED");
            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> deal.toString().equals(r.key()), 2, WAIT);
            assertThat(dead).extracting(r -> KafkaProbe.header(r, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("ce_id"))
                    .anySatisfy(reason -> assertThat(reason).contains("does not know"));
            assertThat(dead).extracting(r -> KafkaProbe.header(r, "ce_id")).contains(unknownPatent.toString());
        }
    }

    private static UUID publish(String type, UUID deal, UUID patent, UUID buyer, String dealType) {
        UUID eventId = UUID.randomUUID();
        republish(eventId, type, deal, patent, buyer, dealType);
        return eventId;
    }

    private static void republish(UUID eventId, String type, UUID deal, UUID patent, UUID buyer, String dealType) {
        DealEvents.publish(type, eventId, deal, patent, buyer, dealType);
    }

    private static JsonPath awaitStatus(UUID viewer, UUID patent, String status) {
        return await().atMost(WAIT).until(() -> get(viewer, patent), body -> status.equals(body.getString("status")));
    }

    private static JsonPath get(UUID viewer, UUID patent) {
        return given().auth().oauth2(TestTokens.partner(viewer)).when().get("/patents/" + patent)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> types(KafkaProbe probe, UUID patent, int count) {
        return probe.await(r -> patent.toString().equals(r.key()), count, WAIT).stream()
                .map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }
}
