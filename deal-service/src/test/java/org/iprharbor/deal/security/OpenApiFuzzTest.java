package org.iprharbor.deal.security;

import java.util.Map;
import java.util.UUID;

import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.testing.OpenApiFuzzContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input to every deal-service operation never causes a 5xx or a stack trace. The fuzzer acts as the buyer
 * of a real deal with valid example bodies, so each mutated field gets as far as it can.
 */
@QuarkusTest
class OpenApiFuzzTest extends OpenApiFuzzContract {

    private DealFixtures.Market market;
    private UUID deal;

    @Override
    protected UUID fuzzPartner() {
        if (market == null) {
            market = DealFixtures.market("KZ", "FREE", "ASSIGNMENT", "NON_EXCLUSIVE_LICENCE");
            deal = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        }
        return market.buyerId();
    }

    @Override
    protected Map<String, Object> exampleBodies() {
        fuzzPartner();
        return Map.of(
                "POST /deals", DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"),
                "POST /deals/{id}/counter", Map.of("terms", DealFixtures.terms("1000.00")),
                "POST /deals/{id}/reject", Map.of("reason", "too expensive"),
                "POST /deals/{id}/withdraw", Map.of("reason", "changed our mind"),
                "POST /deals/{id}/cancel", Map.of("reason", "financing fell through"),
                "POST /deals/{id}/export-intent", Map.of("decision", "GRANT", "reference", "LOI-FUZZ-1"),
                "POST /deals/{id}/export-decision", Map.of("decision", "CLEAR", "licenceNumber", "EXP-1"),
                "POST /deals/{id}/registration", Map.of("certificateNumber", "2026620000000001"),
                "POST /deals/{id}/payment", Map.of("settlementReference", "SWIFT-FUZZ-1"),
                "POST /deals/{id}/recordal", Map.of("registrationNumber", "CNIPA-FUZZ-1", "recordedOn", "2026-01-05"));
    }

    @Override
    protected Map<String, Map<String, String>> examplePathValues() {
        fuzzPartner();
        return Map.of("/deals/{id}", Map.of("id", deal.toString()));
    }
}
