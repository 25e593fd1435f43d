package org.iprharbor.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DeadlineKind;
import org.iprharbor.deal.domain.DeadlineStatus;
import org.iprharbor.deal.support.ClockAhead;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.TestTokens;
import org.iprharbor.testing.contracts.ProducerContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static org.awaitility.Awaitility.await;
import static org.iprharbor.deal.support.DealFixtures.KAFKA_WAIT;
import static org.iprharbor.deal.support.DealFixtures.command;

/**
 * deal-service keeps its published contract, docs/asyncapi/deal-service/asyncapi.yaml: every deal event its tests
 * caused matches it, and it publishes every type it documents (the deadline clock runs ahead, so deadlines fire).
 */
@QuarkusTest
@TestProfile(ClockAhead.class)
class EventContractTest extends ProducerContract {

    @Override
    protected String producer() {
        return "deal-service";
    }

    /**
     * One deal to completion (offered from a match, so its events carry a matchId), one in effect past its
     * registration deadline, restricted exports refused at the letter of intent and at the licence, and each way a
     * negotiation or an agreement can end (with a null matchId).
     */
    @Override
    protected void produceEveryDocumentedType() {
        Market free = DealFixtures.market("KZ", "FREE", "EXCLUSIVE_LICENCE", "NON_EXCLUSIVE_LICENCE");
        String buyer = TestTokens.partner(free.buyerId());
        String seller = TestTokens.partner(free.sellerId());
        UUID matchId = DealFixtures.match(free.buyerId(), free.patentId(), free.sellerId());
        UUID completed = DealFixtures.offer(free.buyerId(),
                DealFixtures.offerBody(free.patentId(), "EXCLUSIVE_LICENCE", matchId));
        command(seller, completed, "counter", Map.of("terms", DealFixtures.terms("300000.00"))).statusCode(200);
        command(buyer, completed, "accept", null).statusCode(200);
        command(buyer, completed, "sign", null).statusCode(200);
        command(seller, completed, "sign", null).statusCode(200);
        command(TestTokens.operator(), completed, "payment", Map.of("settlementReference", "CIPS-2026-0077")).statusCode(200);
        command(TestTokens.operator(), completed, "recordal",
                Map.of("registrationNumber", "CNIPA-2026-LIC-901", "recordedOn", LocalDate.now().toString())).statusCode(200);
        command(TestTokens.operator(), completed, "registration", Map.of("certificateNumber", "2026620000000901"))
                .statusCode(200);

        UUID unregistered = open(free, "NON_EXCLUSIVE_LICENCE");
        command(seller, unregistered, "accept", null).statusCode(200);
        command(buyer, unregistered, "sign", null).statusCode(200);
        command(seller, unregistered, "sign", null).statusCode(200);

        Market restricted = DealFixtures.market("PK", "RESTRICTED", "ASSIGNMENT");
        command(TestTokens.operator(), open(restricted, "ASSIGNMENT"), "export-intent",
                Map.of("decision", "REFUSE", "reason", "dual-use technology: no letter of intent")).statusCode(200);
        UUID denied = open(restricted, "ASSIGNMENT");
        DealFixtures.grantIntent(denied);
        command(TestTokens.partner(restricted.sellerId()), denied, "accept", null).statusCode(200);
        command(TestTokens.partner(restricted.sellerId()), denied, "sign", null).statusCode(200);
        command(TestTokens.partner(restricted.buyerId()), denied, "sign", null).statusCode(200);
        command(TestTokens.operator(), denied, "export-decision",
                Map.of("decision", "DENY", "reason", "dual-use chemistry under review")).statusCode(200);

        command(seller, open(free, "NON_EXCLUSIVE_LICENCE"), "reject", Map.of("reason", "price too low")).statusCode(200);
        command(buyer, open(free, "NON_EXCLUSIVE_LICENCE"), "withdraw", Map.of()).statusCode(200);
        UUID cancelled = open(free, "NON_EXCLUSIVE_LICENCE");
        command(seller, cancelled, "accept", null).statusCode(200);
        command(buyer, cancelled, "cancel", Map.of("reason", "the board did not approve")).statusCode(200);

        UUID expired = DealFixtures.offer(free.buyerId(), DealFixtures.offerBody(free.patentId(), "NON_EXCLUSIVE_LICENCE",
                Instant.now().plusSeconds(2)));
        await().atMost(KAFKA_WAIT).until(() -> DealFixtures.load(expired).state() == DealState.EXPIRED);
        await().atMost(KAFKA_WAIT).until(() -> DealFixtures.load(unregistered).openDeadline(DeadlineKind.CONTRACT_REGISTRATION)
                .orElseThrow().status() == DeadlineStatus.OVERDUE);
    }

    private static UUID open(Market market, String dealType) {
        return DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), dealType));
    }
}
