package org.iprharbor.deal.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iprharbor.kit.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iprharbor.deal.domain.DealBuilder.AFTER_DEADLINE;
import static org.iprharbor.deal.domain.DealBuilder.AVAILABLE;
import static org.iprharbor.deal.domain.DealBuilder.LATER;
import static org.iprharbor.deal.domain.DealBuilder.T0;
import static org.iprharbor.deal.domain.DealBuilder.VALID_UNTIL;
import static org.iprharbor.deal.domain.DealBuilder.aDeal;
import static org.iprharbor.deal.domain.DealBuilder.terms;

/**
 * The deal's rules beyond the transition table: turns, signatures, export control, deadlines and offer rules.
 */
class DealTest {

    @Test
    void shouldOpenWithTheBuyersTermsAsVersionOneAndTheSellerToMove() {
        Deal deal = aDeal().offered();

        assertThat(deal.state()).isEqualTo(DealState.OFFERED);
        assertThat(deal.termsVersion()).isEqualTo(1);
        assertThat(deal.turn()).isEqualTo(Party.SELLER);
        assertThat(deal.openingEvents()).extracting(DealChange::kind).containsExactly(DealEventKind.DEAL_OPENED);
    }

    @Test
    void shouldKeepEveryTermsVersionAndAlternateTurns() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        deal.counter(builder.seller(), terms("300000.00"), null, LATER);
        deal.counter(builder.buyer(), terms("275000.00"), null, LATER);

        assertThat(deal.termsVersion()).isEqualTo(3);
        assertThat(deal.termsVersions()).extracting(TermsVersion::version).containsExactly(1, 2, 3);
        assertThat(deal.termsVersions()).extracting(TermsVersion::proposedBy)
                .containsExactly(Party.BUYER, Party.SELLER, Party.BUYER);
        assertThat(deal.currentTerms().price().amount()).isEqualByComparingTo("275000");
        assertThat(deal.turn()).isEqualTo(Party.SELLER);
    }

    @Test
    void shouldRefuseAcceptingOrCounteringYourOwnTerms() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        assertThatThrownBy(() -> deal.accept(builder.buyer(), AVAILABLE, LATER))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("state OFFERED").hasMessageContaining("accept").hasMessageContaining("seller's turn");
        deal.counter(builder.seller(), terms("300000.00"), null, LATER);
        assertThatThrownBy(() -> deal.counter(builder.seller(), terms("310000.00"), null, LATER))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("buyer's turn");
        assertThat(deal.termsVersion()).isEqualTo(2);
    }

    @Test
    void shouldFingerprintTheAgreedTerms() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();
        deal.counter(builder.seller(), terms("300000.00"), null, LATER);

        List<DealChange> changes = deal.accept(builder.buyer(), AVAILABLE, LATER);

        assertThat(changes).extracting(DealChange::kind).containsExactly(DealEventKind.OFFER_ACCEPTED);
        assertThat(deal.agreedTermsSha256()).hasSize(64).isEqualTo(TermsDigest.sha256(terms("300000.0")));
        assertThat(deal.turn()).isNull();
    }

    @Test
    void shouldNeedBothSignaturesAndRefuseASecondOneByTheSameParty() {
        DealBuilder builder = aDeal();
        Deal deal = builder.in(DealState.AGREED);

        assertThat(deal.sign(builder.seller(), LATER)).extracting(DealChange::kind).containsExactly(DealEventKind.PARTY_SIGNED);
        assertThat(deal.state()).isEqualTo(DealState.AGREED);
        assertThatThrownBy(() -> deal.sign(builder.seller(), LATER)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("seller has signed already");
        assertThat(deal.sign(builder.buyer(), LATER)).extracting(DealChange::kind).containsExactly(DealEventKind.CONTRACT_SIGNED);
        assertThat(deal.state()).isEqualTo(DealState.SIGNED);
        assertThat(deal.buyerSignedAt()).isNotNull();
        assertThat(deal.sellerSignedAt()).isNotNull();
    }

    @Test
    void shouldClearADomesticDealWithoutReview() {
        Deal deal = aDeal().domestic().exportClass(ExportClass.RESTRICTED).in(DealState.SIGNED);

        List<DealChange> changes = deal.advance(LATER);

        assertThat(changes).extracting(DealChange::kind).containsExactly(DealEventKind.EXPORT_CLEARED);
        assertThat(deal.state()).isEqualTo(DealState.CLEARED);
        assertThat(deal.contractRegistration()).isNull();
    }

    @Test
    void shouldPutFreeTechnologyAcrossABorderInEffectOnSigningWithItsRegistrationStillOwed() {
        Deal deal = aDeal().exportClass(ExportClass.FREE).in(DealState.SIGNED);

        deal.advance(LATER);

        assertThat(deal.state()).isEqualTo(DealState.CLEARED);
        assertThat(deal.effectiveAt()).isEqualTo(LATER);
        assertThat(deal.contractRegistration()).isNull();
    }

    @Test
    void shouldSendRestrictedTechnologyAcrossABorderToReview() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = builder.in(DealState.SIGNED);

        assertThat(deal.advance(LATER)).extracting(DealChange::kind).containsExactly(DealEventKind.EXPORT_REVIEW_REQUESTED);
        assertThat(deal.allowedCommands(builder.operator(), LATER)).containsExactly(DealCommand.EXPORT_DECISION);

        List<DealChange> denied = deal.decideExport(builder.operator(), false, "dual-use technology", LATER);
        assertThat(denied).extracting(DealChange::kind).containsExactly(DealEventKind.EXPORT_DENIED);
        assertThat(deal.state()).isEqualTo(DealState.CANCELLED);
        assertThat(deal.closingReason()).isEqualTo("dual-use technology");
    }

    @Test
    void shouldCompleteADomesticDealRightAfterRecordal() {
        DealBuilder builder = aDeal().domestic();
        Deal deal = builder.in(DealState.PAID);

        assertThat(deal.recordTransfer(builder.operator(), "CNIPA-9", LocalDate.of(2026, 3, 2), LATER))
                .extracting(DealChange::kind).containsExactly(DealEventKind.TRANSFER_RECORDED);
        assertThat(deal.advance(LATER)).extracting(DealChange::kind).containsExactly(DealEventKind.DEAL_COMPLETED);
        assertThat(deal.state()).isEqualTo(DealState.COMPLETED);
        assertThat(deal.advance(LATER)).isEmpty();
    }

    @Test
    void shouldExpireOnlyAfterTheDeadlineAndRefuseLateAnswers() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        assertThatThrownBy(() -> deal.expire(VALID_UNTIL)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("valid until");
        assertThatThrownBy(() -> deal.accept(builder.seller(), AVAILABLE, AFTER_DEADLINE))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("lapsed");
        assertThat(deal.expire(AFTER_DEADLINE)).extracting(DealChange::kind).containsExactly(DealEventKind.DEAL_EXPIRED);
    }

    @Test
    void shouldMoveTheDeadlineWhenACounterOfferSetsOne() {
        DealBuilder builder = aDeal();
        Deal deal = builder.offered();

        deal.counter(builder.seller(), terms("300000.00"), AFTER_DEADLINE.plusSeconds(3600), LATER);

        assertThat(deal.validUntil()).isEqualTo(AFTER_DEADLINE.plusSeconds(3600));
        assertThat(deal.allowedCommands(builder.buyer(), AFTER_DEADLINE)).contains(DealCommand.ACCEPT);
    }

    @Test
    void shouldRefuseOperatorsAndPartiesOutsideTheirRoles() {
        DealBuilder builder = aDeal();
        Deal offered = builder.offered();
        Deal cleared = builder.in(DealState.CLEARED);

        assertThatThrownBy(() -> offered.counter(builder.operator(), terms("1.00"), null, LATER))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("operator may not counter");
        assertThatThrownBy(() -> cleared.settlePayment(builder.buyer(), "SELF-PAID", LATER))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("buyer may not payment");
    }

    @Test
    void shouldRefuseBuyingYourOwnPatent() {
        DealBuilder builder = aDeal();
        DealParties own = new DealParties(java.util.UUID.randomUUID(), builder.sellerId, "CN", builder.sellerId, "CN",
                "CN", ExportClass.FREE);

        assertThatThrownBy(() -> Deal.open(java.util.UUID.randomUUID(), own, null, DealType.ASSIGNMENT, terms("1.00"),
                VALID_UNTIL, T0)).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void shouldRefuseProhibitedTechnologyAcrossABorderButNotAtHome() {
        assertThatThrownBy(() -> aDeal().exportClass(ExportClass.PROHIBITED).offered())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.slug()).isEqualTo("export-prohibited");
                });
        assertThat(aDeal().exportClass(ExportClass.PROHIBITED).domestic().offered().state()).isEqualTo(DealState.OFFERED);
    }

    @Test
    void shouldRequireATermForLicencesButNotForAssignments() {
        Terms noTerm = new Terms(new Price(new java.math.BigDecimal("10.00"), "CNY"), null, List.of("KZ"), null, null);
        DealBuilder builder = aDeal();

        assertThatThrownBy(() -> Deal.open(java.util.UUID.randomUUID(), builder.parties(), null,
                DealType.EXCLUSIVE_LICENCE, noTerm, VALID_UNTIL, T0)).isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("terms.termYears"));
        assertThat(Deal.open(java.util.UUID.randomUUID(), builder.parties(), null, DealType.ASSIGNMENT, noTerm,
                VALID_UNTIL, T0).state()).isEqualTo(DealState.OFFERED);
    }

    @Test
    void shouldHashTermsCanonicallyWhateverTheNumbersScale() {
        assertThat(TermsDigest.sha256(terms("250000.00"))).isEqualTo(TermsDigest.sha256(terms("250000")));
        assertThat(TermsDigest.sha256(terms("250000.00"))).isNotEqualTo(TermsDigest.sha256(terms("250000.01")));
        assertThat(TermsDigest.canonicalJson(terms("1.50"))).isEqualTo("{\"fieldOfUse\":\"lithium-ion traction batteries\","
                + "\"price\":{\"amount\":\"1.5\",\"currency\":\"CNY\"},\"royaltyPercent\":\"3.5\",\"termYears\":5,"
                + "\"territory\":[\"KZ\",\"UZ\"]}");
    }
}
