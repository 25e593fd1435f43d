package org.iprharbor.notification.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.notification.domain.PatentInfo;
import org.iprharbor.testing.contracts.EventFixture;
import org.iprharbor.testing.contracts.EventFixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;

import static org.awaitility.Awaitility.await;

/**
 * Publishes catalog and deal events as those services do, built from notification-service's fixtures of what it
 * relies on ({@code docs/asyncapi/consumers/notification-service/}, checked against the producers' schemas), and
 * waits until notification-service has them.
 */
public final class CatalogAndDeals {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CONSUMER = "notification-service";

    private CatalogAndDeals() {
    }

    /** Registers a partner (PartnerRegistered) and waits until notification-service keeps its contact data. */
    public static UUID partner(String name, String country, List<String> languages, String timeZone, String email) {
        UUID id = UUID.randomUUID();
        publishPartner(id, name, country, languages, timeZone, email);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> PartnerContact.findById(id)) != null);
        return id;
    }

    public static void publishPartner(UUID id, String name, String country, List<String> languages, String timeZone, String email) {
        EventFixtures.load(CONSUMER, "org.iprharbor.catalog.partner-registered.v1")
                .set("partnerId", id).set("legalName", name).set("localNames", java.util.Map.of()).set("country", country)
                .set("languages", languages).set("timeZone", timeZone).set("contactEmail", email)
                .publish(id, UUID.randomUUID(), 0);
    }

    /** Lists a patent (PatentListed) with titles as JSON, e.g. {"zh":"…","en":"…"}. */
    public static UUID patent(UUID owner, String titlesJson, String ipc, String jurisdiction) {
        UUID id = UUID.randomUUID();
        publishPatent(UUID.randomUUID(), id, owner, titlesJson, ipc, jurisdiction);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> PatentInfo.findById(id)) != null);
        return id;
    }

    public static void publishPatent(UUID eventId, UUID id, UUID owner, String titlesJson, String ipc, String jurisdiction) {
        EventFixtures.load(CONSUMER, "org.iprharbor.catalog.patent-listed.v1")
                .set("patentId", id).set("publicationNumber", "CN-" + (100_000_000 + Math.abs(id.hashCode() % 800_000_000)) + "-B")
                .set("ownerId", owner).setJson("titles", titlesJson).set("jurisdiction", jurisdiction)
                .set("ipcClasses", List.of(ipc)).set("dealTypes", List.of("ASSIGNMENT", "EXCLUSIVE_LICENCE"))
                .publish(id, eventId, 0);
    }

    /** Publishes {@code org.iprharbor.deal.<type>.v1} as deal-service does (its state is the type's); returns its id. */
    public static UUID dealEvent(UUID eventId, String type, UUID dealId, UUID patent, UUID buyer, UUID seller,
            String buyerCountry, String sellerCountry, long version) {
        return dealEvent(eventId, type, dealId, patent, buyer, seller, buyerCountry, sellerCountry, version, fixture -> fixture);
    }

    /** As above, with {@code change} setting what else the test cares about (e.g. the deadline a reminder is about). */
    public static UUID dealEvent(UUID eventId, String type, UUID dealId, UUID patent, UUID buyer, UUID seller,
            String buyerCountry, String sellerCountry, long version, UnaryOperator<EventFixture> change) {
        EventFixture fixture = EventFixtures.load(CONSUMER, "org.iprharbor.deal." + type + ".v1")
                .set("dealId", dealId).set("patentId", patent).set("buyerId", buyer).set("sellerId", seller)
                .set("buyerCountry", buyerCountry).set("sellerCountry", sellerCountry).set("version", version);
        return change.apply(fixture).publish(dealId, eventId, version);
    }
}
