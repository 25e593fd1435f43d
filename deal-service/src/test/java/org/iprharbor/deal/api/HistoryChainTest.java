package org.iprharbor.deal.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.iprharbor.deal.support.DealFixtures.as;
import static org.iprharbor.deal.support.DealFixtures.command;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The history as a hash chain: the database links each entry as it is written, the service recomputes the chain
 * independently, and a row changed behind the service's back is found.
 */
@QuarkusTest
class HistoryChainTest {

    @Test
    void shouldLinkEveryEntryToTheOneBeforeAndFindTheChainIntact() {
        UUID dealId = negotiated();

        as(TestTokens.partner(buyerOf(dealId))).when().get("/deals/" + dealId + "/history").then().statusCode(200)
                .body("[0].prevHash", equalTo(""))
                .body("[0].entryHash", matchesPattern("[0-9a-f]{64}"))
                .body("[1].prevHash", equalTo(as(TestTokens.operator()).when().get("/deals/" + dealId + "/history")
                        .then().extract().path("[0].entryHash")));
        as(TestTokens.operator()).when().get("/deals/" + dealId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("entries", equalTo(3)).body("firstBrokenVersion", nullValue())
                .body("head", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void shouldFindTheFirstEntryChangedInTheDatabase() {
        UUID dealId = negotiated();

        tamper("UPDATE deal_history SET reason = 'the seller accepted 100 CNY' WHERE deal_id = ?1 AND deal_version = 1",
                dealId);

        as(TestTokens.operator()).when().get("/deals/" + dealId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenVersion", equalTo(1))
                .body("problem", equalTo("its content does not match its hash"));
    }

    @Test
    void shouldFindAnEntryRemovedFromTheMiddle() {
        UUID dealId = negotiated();

        tamper("DELETE FROM deal_history WHERE deal_id = ?1 AND deal_version = 1", dealId);

        as(TestTokens.operator()).when().get("/deals/" + dealId + "/history/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBrokenVersion", equalTo(2))
                .body("problem", equalTo("version 1 is missing"));
    }

    /** Offer, counter, accept: three history entries. */
    private static UUID negotiated() {
        Market market = DealFixtures.market("TR", "FREE", "NON_EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        command(TestTokens.partner(market.sellerId()), dealId, "counter",
                java.util.Map.of("terms", DealFixtures.terms("180000.00"))).statusCode(200);
        command(TestTokens.partner(market.buyerId()), dealId, "accept", null).statusCode(200);
        return dealId;
    }

    private static UUID buyerOf(UUID dealId) {
        return DealFixtures.load(dealId).buyerId();
    }

    private static void tamper(String sql, UUID dealId) {
        QuarkusTransaction.requiringNew().run(() -> Deal.getEntityManager().createNativeQuery(sql)
                .setParameter(1, dealId).executeUpdate());
    }
}
