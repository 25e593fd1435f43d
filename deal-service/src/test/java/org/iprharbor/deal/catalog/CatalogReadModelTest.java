package org.iprharbor.deal.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.KnownPartner;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.contracts.EventFixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Catalog events published on the real broker reach deal-service's read model in PostgreSQL exactly
 * once, in version order, and poison records go to the dead-letter topic without stopping the partition.
 */
@QuarkusTest
class CatalogReadModelTest {

    private static final String PARTNER_REGISTERED = "org.iprharbor.catalog.partner-registered.v1";
    private static final String PARTNER_UPDATED = "org.iprharbor.catalog.partner-updated.v1";

    @Test
    void shouldKeepPartnerFromCatalogEvent() {
        UUID partnerId = UUID.randomUUID();
        publishPartner(UUID.randomUUID(), PARTNER_REGISTERED, partnerId, "Satbayev University", "KZ", 0);

        KnownPartner partner = awaitPartner(partnerId, 0);
        assertThat(partner.legalName).isEqualTo("Satbayev University");
        assertThat(partner.country).isEqualTo("KZ");
    }

    @Test
    void shouldApplyRedeliveredEventOnlyOnce() {
        UUID partnerId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publishPartner(eventId, PARTNER_REGISTERED, partnerId, "Tashkent State Technical University", "UZ", 0);
        awaitPartner(partnerId, 0);

        // the same event id again, even with other content, must have no second effect
        publishPartner(eventId, PARTNER_UPDATED, partnerId, "Changed By A Duplicate", "UZ", 5);
        UUID marker = UUID.randomUUID();
        publishPartner(UUID.randomUUID(), PARTNER_REGISTERED, marker, "Marker Partner", "UZ", 0);
        awaitPartner(marker, 0); // same key order is not guaranteed across keys, so also wait on the duplicate's partition

        assertThat(inTransaction(() -> KnownPartner.<KnownPartner>findById(partnerId)).legalName)
                .isEqualTo("Tashkent State Technical University");
        assertThat(processedCount(eventId)).isEqualTo(1);
    }

    @Test
    void shouldNeverLetAnOlderVersionOverwriteANewerOne() {
        UUID partnerId = UUID.randomUUID();
        publishPartner(UUID.randomUUID(), PARTNER_UPDATED, partnerId, "Version Two Name", "PK", 2);
        awaitPartner(partnerId, 2);
        publishPartner(UUID.randomUUID(), PARTNER_UPDATED, partnerId, "Version One Name", "PK", 1);
        UUID eventId = UUID.randomUUID();
        publishPartner(eventId, PARTNER_UPDATED, partnerId, "Version Three Name", "PK", 3);

        KnownPartner partner = awaitPartner(partnerId, 3);
        assertThat(partner.legalName).isEqualTo("Version Three Name");
        assertThat(processedCount(eventId)).isEqualTo(1);
    }

    @Test
    void shouldKeepPatentFromCatalogEvent() {
        UUID patentId = UUID.randomUUID();
        UUID ownerId = UUID.randomUUID();
        EventFixtures.load("deal-service", "org.iprharbor.catalog.patent-listed.v1")
                .set("patentId", patentId).set("publicationNumber", "CN-114123456-B").set("ownerId", ownerId)
                .set("exportClass", "RESTRICTED").set("jurisdiction", "CN").set("dealTypes", List.of("ASSIGNMENT"))
                .set("titles", Map.of("zh", "高镍三元锂电池正极材料"))
                .publish(patentId, UUID.randomUUID(), 0);

        KnownPatent patent = await().atMost(Duration.ofSeconds(20))
                .until(() -> inTransaction(() -> KnownPatent.<KnownPatent>findById(patentId)), found -> found != null);
        assertThat(patent.ownerId).isEqualTo(ownerId);
        assertThat(patent.exportClass).isEqualTo("RESTRICTED");
        assertThat(patent.dealTypes).containsExactly("ASSIGNMENT");
    }

    @Test
    void shouldDeadLetterPoisonRecordsAndKeepConsuming() {
        UUID poisonKey = UUID.randomUUID();
        try (KafkaProbe deadLetters = KafkaProbe.readFromStart("harbor.partners.v1.dlq")) {
            KafkaProbe.publish("harbor.partners.v1", poisonKey.toString(), Map.of(), "not json and no CloudEvent headers");
            KafkaProbe.publishRawCloudEvent("harbor.partners.v1", poisonKey.toString(), UUID.randomUUID().toString(),
                    PARTNER_REGISTERED, 0, "{\"partnerId\": 42");
            UUID partnerId = poisonKey; // same key, so same partition: it must keep flowing after the poison
            publishPartner(UUID.randomUUID(), PARTNER_REGISTERED, partnerId, "Sinai Water Research Centre", "EG", 0);

            awaitPartner(partnerId, 0);
            var dead = deadLetters.await(record -> poisonKey.toString().equals(record.key()), 2, Duration.ofSeconds(20));
            assertThat(dead).extracting(record -> KafkaProbe.header(record, "dead-letter-reason"))
                    .anySatisfy(reason -> assertThat(reason).contains("ce_id"))
                    .anySatisfy(reason -> assertThat(reason).contains("not a valid PartnerSnapshot"));
            assertThat(dead).extracting(record -> KafkaProbe.header(record, "dead-letter-topic"))
                    .containsOnly("harbor.partners.v1");
        }
    }

    private static void publishPartner(UUID eventId, String type, UUID partnerId, String name, String country, long version) {
        EventFixtures.load("deal-service", type)
                .set("partnerId", partnerId).set("legalName", name).set("country", country).set("version", version)
                .publish(partnerId, eventId, version);
    }

    private static KnownPartner awaitPartner(UUID partnerId, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> inTransaction(() -> KnownPartner.<KnownPartner>findById(partnerId)),
                found -> found != null && found.catalogVersion == version);
    }

    private static long processedCount(UUID eventId) {
        return inTransaction(() -> ((Number) KnownPartner.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue());
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
