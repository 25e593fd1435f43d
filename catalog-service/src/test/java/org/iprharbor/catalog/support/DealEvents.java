package org.iprharbor.catalog.support;

import java.util.UUID;

import org.iprharbor.testing.contracts.EventFixtures;

/**
 * Publishes deal events as deal-service does, built from the catalog's fixtures of what it relies on
 * ({@code docs/asyncapi/consumers/catalog-service/}), so they are checked against deal-service's published schema.
 */
public final class DealEvents {

    private DealEvents() {
    }

    /** Publishes {@code org.iprharbor.deal.<name>.v1} about the deal, the patent and the buyer; returns its event id. */
    public static UUID publish(String name, UUID eventId, UUID deal, UUID patent, UUID buyer, String dealType) {
        return EventFixtures.load("catalog-service", "org.iprharbor.deal." + name + ".v1")
                .set("dealId", deal).set("patentId", patent).set("buyerId", buyer).set("sellerId", UUID.randomUUID())
                .set("dealType", dealType)
                .publish(deal, eventId, 3);
    }
}
