package org.iprharbor.catalog.security;

import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.support.CatalogFixtures;
import org.iprharbor.testing.OpenApiFuzzContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input to every catalog-service operation never causes a 5xx or a stack trace. The fuzzer acts as a
 * registered partner on its own patent with valid example bodies, so each mutated field gets as far as it can.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzContract {

    private UUID partner;
    private UUID patent;
    private UUID need;

    @Override
    protected UUID fuzzPartner() {
        if (partner == null) {
            partner = CatalogFixtures.registeredPartner("Fuzz University", "KZ");
            patent = CatalogFixtures.listedPatent(partner, Map.of());
            need = CatalogFixtures.postedNeed(partner, Map.of());
        }
        return partner;
    }

    @Override
    protected Map<String, Object> exampleBodies() {
        return Map.of(
                "POST /partners", CatalogFixtures.partnerBody("Fuzzed Institute", "UZ"),
                "PATCH /partners/{id}", Map.of("contactEmail", "fuzz@example.org", "languages", java.util.List.of("ru")),
                "POST /patents", CatalogFixtures.patentBody(CatalogFixtures.freshPublicationNumber("CN")),
                "PATCH /patents/{id}", Map.of("titles", Map.of("en", "Fuzzed title")),
                "POST /needs", CatalogFixtures.needBody(),
                "PATCH /needs/{id}", Map.of("territories", java.util.List.of("UZ")));
    }

    @Override
    protected Map<String, Map<String, String>> examplePathValues() {
        fuzzPartner();
        return Map.of("/partners/{id}", Map.of("id", partner.toString()), "/patents/{id}", Map.of("id", patent.toString()),
                "/needs/{id}", Map.of("id", need.toString()));
    }
}
