package org.iprharbor.deal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.iprharbor.deal.support.DealFixtures.KAFKA_WAIT;
import static org.iprharbor.deal.support.DealFixtures.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.Deadline;
import org.iprharbor.deal.domain.DeadlineKind;
import org.iprharbor.deal.domain.DeadlineStatus;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.support.DealFixtures;
import org.iprharbor.deal.support.DealFixtures.Market;
import org.iprharbor.testing.KafkaProbe;
import org.iprharbor.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deals in flight when the export procedure arrived: the rows as V5__deal_procedure.sql leaves them are brought
 * under the procedure through the aggregate, with their events; V7 suspends the offer validities a review had met.
 */
@QuarkusTest
class ProcedureMigrationTest {

    @Inject
    ProcedureMigration migration;

    @Test
    void shouldSendARestrictedDealAgreedWithoutALetterOfIntentBackToTheAuthoritysReview() {
        Market market = DealFixtures.market("KZ", "RESTRICTED", "NON_EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        DealFixtures.grantIntent(dealId);
        command(TestTokens.partner(market.sellerId()), dealId, "accept", null).statusCode(200);
        // what the migration leaves of a deal agreed before the procedure: no letter of intent, deadlines unsettled
        sql("UPDATE deal SET intent_reference = NULL, deadlines = '[]', deadlines_settled = false WHERE id = ?1", dealId);

        try (KafkaProbe probe = KafkaProbe.readFromStart("harbor.deals.v1")) {
            settleAll();

            Deal deal = DealFixtures.load(dealId);
            assertThat(deal.state()).isEqualTo(DealState.INTENT_REVIEW);
            assertThat(deal.agreedTermsSha256()).isNull();
            assertThat(deal.deadlines()).extracting(Deadline::kind).containsExactly(DeadlineKind.INTENT_REVIEW);
            List<ConsumerRecord<String, String>> events = probe.await(r -> dealId.toString().equals(r.key())
                    && KafkaProbe.header(r, "ce_type").contains("export-intent-requested"), 2, KAFKA_WAIT);
            assertThat(events.get(1).value()).contains("\"state\":\"INTENT_REVIEW\"");
        }
    }

    @Test
    void shouldGiveAContractInEffectTheDeadlinesItOwes() {
        Market market = DealFixtures.market("VN", "FREE", "EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "EXCLUSIVE_LICENCE"));
        String seller = TestTokens.partner(market.sellerId());
        command(seller, dealId, "accept", null).statusCode(200);
        command(seller, dealId, "sign", null).statusCode(200);
        command(TestTokens.partner(market.buyerId()), dealId, "sign", null).statusCode(200);
        sql("UPDATE deal SET deadlines = '[]', deadlines_settled = false WHERE id = ?1", dealId);

        settleAll();

        Deal deal = DealFixtures.load(dealId);
        assertThat(deal.state()).isEqualTo(DealState.CLEARED);
        assertThat(deal.deadlines()).extracting(Deadline::kind)
                .containsExactlyInAnyOrder(DeadlineKind.CONTRACT_REGISTRATION, DeadlineKind.CNIPA_RECORDAL);
        long timers = QuarkusTransaction.requiringNew().call(() -> ((Number) Deal.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM deal_timer WHERE deal_id = ?1 AND fired_at IS NULL").setParameter(1, dealId)
                .getSingleResult()).longValue());
        // two reminders and the missed-deadline timer for each
        assertThat(timers).isEqualTo(6);
    }

    @Test
    void shouldSuspendTheValidityOfOffersTheReviewHadClosedAsMet() throws Exception {
        Market market = DealFixtures.market("KZ", "RESTRICTED", "NON_EXCLUSIVE_LICENCE");
        UUID dealId = DealFixtures.offer(market.buyerId(), DealFixtures.offerBody(market.patentId(), "NON_EXCLUSIVE_LICENCE"));
        // as the code before the suspension left a restricted offer sent to the authority's review
        sql("UPDATE deal SET deadlines = jsonb_set(deadlines, '{0,status}', '\"MET\"') WHERE id = ?1", dealId);
        assertThat(DealFixtures.load(dealId).deadlines()).extracting(Deadline::status)
                .containsExactly(DeadlineStatus.MET, DeadlineStatus.OPEN);

        String migration = Files.readString(Path.of("src/main/resources/db/migration/V7__offer_validity_suspended.sql"));
        QuarkusTransaction.requiringNew().run(() -> Deal.getEntityManager().unwrap(Session.class)
                .doWork(connection -> connection.createStatement().execute(migration)));

        assertThat(DealFixtures.load(dealId).deadlines()).extracting(Deadline::kind, Deadline::status).containsExactly(
                tuple(DeadlineKind.OFFER_VALIDITY, DeadlineStatus.SUSPENDED),
                tuple(DeadlineKind.INTENT_REVIEW, DeadlineStatus.OPEN));
    }

    private void settleAll() {
        while (migration.settleBatch() > 0) {
            // until no unsettled deal is left
        }
    }

    private static void sql(String statement, UUID dealId) {
        QuarkusTransaction.requiringNew().run(() -> Deal.getEntityManager().createNativeQuery(statement)
                .setParameter(1, dealId).executeUpdate());
    }
}
