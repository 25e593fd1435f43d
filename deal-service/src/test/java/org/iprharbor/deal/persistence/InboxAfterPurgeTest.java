package org.iprharbor.deal.persistence;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.KnownPartner;
import org.iprharbor.kit.retention.Retention;
import org.iprharbor.testing.contracts.EventFixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The once-only guarantee across a purge, on the real broker: an event redelivered within the processed-event
 * max-age (30 days) has no second effect after a purge, and one redelivered after its row aged out would be applied
 * again, which is why that max-age must outlast every way an event comes back (docs/retention.md). The redelivery
 * carries other content and a newer version, so only the inbox can stop it.
 */
@QuarkusTest
class InboxAfterPurgeTest {

    private static final String REGISTERED = "org.iprharbor.catalog.partner-registered.v1";
    private static final String UPDATED = "org.iprharbor.catalog.partner-updated.v1";

    @Inject
    Retention retention;

    @Test
    void shouldApplyAnEventRedeliveredWithinTheWindowOnceAfterAPurge() {
        UUID partnerId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publish(eventId, REGISTERED, partnerId, "Lanzhou University", 0);
        awaitPartner(partnerId, 0);
        agedOut(UUID.randomUUID()); // something for the purge to delete beside it

        assertThat(retention.run().get("processed_event")).isPositive();
        publish(eventId, UPDATED, partnerId, "Changed By A Redelivery", 5);
        publish(UUID.randomUUID(), UPDATED, partnerId, "Lanzhou University (after the redelivery)", 1);

        assertThat(awaitPartner(partnerId, 1).legalName).isEqualTo("Lanzhou University (after the redelivery)");
    }

    @Test
    void shouldApplyAnEventAgainOnceItsProcessedRowAgedOut() {
        UUID partnerId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publish(eventId, REGISTERED, partnerId, "Satbayev University", 0);
        awaitPartner(partnerId, 0);
        agedOut(eventId);

        retention.run();
        publish(eventId, UPDATED, partnerId, "Applied Twice", 5);

        assertThat(awaitPartner(partnerId, 5).legalName).isEqualTo("Applied Twice");
    }

    /** Backdates the event's processed row past the 30-day max-age (inserting one for an event never seen). */
    private static void agedOut(UUID eventId) {
        QuarkusTransaction.requiringNew().run(() -> KnownPartner.getEntityManager().createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, processed_at)
                SELECT coalesce((SELECT consumer FROM processed_event WHERE event_id = ?1), 'retention-test'), ?1,
                       now() - interval '31 days'
                ON CONFLICT (consumer, event_id) DO UPDATE SET processed_at = excluded.processed_at""")
                .setParameter(1, eventId).executeUpdate());
    }

    private static void publish(UUID eventId, String type, UUID partnerId, String name, long version) {
        EventFixtures.load("deal-service", type)
                .set("partnerId", partnerId).set("legalName", name).set("country", "CN").set("version", version)
                .publish(partnerId, eventId, version);
    }

    private static KnownPartner awaitPartner(UUID partnerId, long version) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> KnownPartner.<KnownPartner>findById(partnerId)),
                found -> found != null && found.catalogVersion == version);
    }
}
