package org.iprharbor.notification.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.notification.domain.PatentInfo;
import org.iprharbor.testing.KafkaProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;

import static org.awaitility.Awaitility.await;

/**
 * Publishes catalog and deal events as those services do, and waits until notification-service has them.
 */
public final class CatalogAndDeals {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private CatalogAndDeals() {
    }

    public static UUID partner(String name, String country, List<String> languages, String timeZone, String email) {
        UUID id = UUID.randomUUID();
        KafkaProbe.publishCloudEvent("harbor.partners.v1", id.toString(), UUID.randomUUID().toString(),
                "org.iprharbor.catalog.partner-registered.v1", 0, """
                {"partnerId":"%s","legalName":"%s","kind":"UNIVERSITY","country":"%s","languages":%s,"timeZone":"%s",
                 "contactEmail":"%s","version":0}""".formatted(id, name, country,
                        languages.stream().map(l -> "\"" + l + "\"").toList(), timeZone, email));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> PartnerContact.findById(id)) != null);
        return id;
    }

    /** Lists a patent (PatentListed) with titles as JSON, e.g. {"zh":"…","en":"…"}. */
    public static UUID patent(UUID owner, String titlesJson, String ipc, String jurisdiction) {
        UUID id = UUID.randomUUID();
        publishPatent(UUID.randomUUID(), id, owner, titlesJson, ipc, jurisdiction);
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> PatentInfo.findById(id)) != null);
        return id;
    }

    public static void publishPatent(UUID eventId, UUID id, UUID owner, String titlesJson, String ipc, String jurisdiction) {
        KafkaProbe.publishCloudEvent("harbor.patents.v1", id.toString(), eventId.toString(),
                "org.iprharbor.catalog.patent-listed.v1", 0, """
                {"patentId":"%s","publicationNumber":"CN-%d-B","ownerId":"%s","titles":%s,"jurisdiction":"%s",
                 "ipcClasses":["%s"],"dealTypes":["ASSIGNMENT","EXCLUSIVE_LICENCE"],"status":"AVAILABLE","version":0}"""
                        .formatted(id, 100_000_000 + Math.abs(id.hashCode() % 800_000_000), owner, titlesJson, jurisdiction, ipc));
    }

    /** Publishes a deal event as deal-service does; returns its event id. */
    public static UUID dealEvent(UUID eventId, String type, UUID dealId, UUID patent, UUID buyer, UUID seller,
            String buyerCountry, String sellerCountry, String state, long version) {
        KafkaProbe.publishCloudEvent("harbor.deals.v1", dealId.toString(), eventId.toString(), "org.iprharbor.deal." + type + ".v1",
                version, """
                {"dealId":"%s","patentId":"%s","buyerId":"%s","sellerId":"%s","buyerCountry":"%s","sellerCountry":"%s",
                 "dealType":"EXCLUSIVE_LICENCE","state":"%s","termsVersion":1,
                 "terms":{"price":{"amount":"250000.00","currency":"CNY"},"royaltyPercent":3.5,"territory":["KZ","UZ"],
                          "termYears":5,"fieldOfUse":"traction batteries"},"reason":null,"version":%d}"""
                        .formatted(dealId, patent, buyer, seller, buyerCountry, sellerCountry, state, version));
        return eventId;
    }
}
