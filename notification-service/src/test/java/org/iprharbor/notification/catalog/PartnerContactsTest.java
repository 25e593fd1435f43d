package org.iprharbor.notification.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.contracts.EventFixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner events on the real broker become contact rows in the real database, once, newest version first;
 * an incomplete partner is dead-lettered and the partition keeps flowing.
 */
@QuarkusTest
class PartnerContactsTest {

    @Test
    void shouldKeepContactAndLanguagesOfRegisteredPartner() {
        UUID partnerId = UUID.randomUUID();
        publish(UUID.randomUUID(), partnerId, "Kapadokya Aerospace Technologies", List.of("tr", "en"), 0);

        PartnerContact contact = awaitContact(partnerId, 0);
        assertThat(contact.languages).containsExactly("tr", "en");
        assertThat(contact.timeZone).isEqualTo("Europe/Istanbul");
        assertThat(contact.email).isEqualTo("ops@kapadokya.example");
    }

    @Test
    void shouldApplyNewerVersionAndIgnoreDuplicate() {
        UUID partnerId = UUID.randomUUID();
        UUID registered = UUID.randomUUID();
        publish(registered, partnerId, "Margalla Solar", List.of("ur", "en"), 0);
        awaitContact(partnerId, 0);
        publish(UUID.randomUUID(), partnerId, "Margalla Solar", List.of("en"), 1);
        publish(registered, partnerId, "Margalla Solar", List.of("ur", "en"), 0);

        PartnerContact contact = awaitContact(partnerId, 1);
        assertThat(contact.languages).containsExactly("en");
    }

    @Test
    void shouldDeadLetterIncompletePartnerAndKeepConsuming() {
        UUID partnerId = UUID.randomUUID();
        try (KafkaProbe deadLetters = KafkaProbe.readFromStart("harbor.partners.v1.dlq")) {
            KafkaProbe.publishRawCloudEvent("harbor.partners.v1", partnerId.toString(), UUID.randomUUID().toString(),
                    "org.iprharbor.catalog.partner-registered.v1", 0, "{\"partnerId\":\"" + partnerId + "\"}");
            publish(UUID.randomUUID(), partnerId, "Vietnam Academy of Science and Technology", List.of("vi", "en"), 0);

            awaitContact(partnerId, 0);
            var dead = deadLetters.await(record -> partnerId.toString().equals(record.key()), 1, Duration.ofSeconds(20));
            assertThat(KafkaProbe.header(dead.get(0), "dead-letter-reason")).contains("lacks required partner fields");
        }
    }

    private static void publish(UUID eventId, UUID partnerId, String name, List<String> languages, long version) {
        EventFixtures.load("notification-service", "org.iprharbor.catalog.partner-registered.v1")
                .set("partnerId", partnerId).set("legalName", name).set("localNames", Map.of()).set("kind", "COMPANY")
                .set("country", "TR").set("languages", languages).set("timeZone", "Europe/Istanbul")
                .set("contactEmail", "ops@kapadokya.example").set("version", version)
                .publish(partnerId, eventId, version);
    }

    private static PartnerContact awaitContact(UUID partnerId, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> PartnerContact.<PartnerContact>findById(partnerId)),
                found -> found != null && found.catalogVersion == version);
    }
}
