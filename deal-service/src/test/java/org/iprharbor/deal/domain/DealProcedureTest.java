package org.iprharbor.deal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.iprharbor.deal.domain.DealBuilder.AVAILABLE;
import static org.iprharbor.deal.domain.DealBuilder.LATER;
import static org.iprharbor.deal.domain.DealBuilder.T0;
import static org.iprharbor.deal.domain.DealBuilder.VALID_UNTIL;
import static org.iprharbor.deal.domain.DealBuilder.aDeal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * China's technology-export procedure as the aggregate runs it (docs/deal-procedure.md), and the deadlines each
 * stage calls for, on the shipped working-day calendar.
 */
class DealProcedureTest {

    private final DeadlinePolicy policy = new DeadlinePolicy(WorkingDayCalendar.china());

    @Test
    void shouldRefuseNegotiationOfRestrictedTechnologyBeforeTheLetterOfIntentNamingTheMissingStep() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = builder.offered();

        assertThat(deal.state()).isEqualTo(DealState.INTENT_REVIEW);
        assertThatThrownBy(() -> deal.accept(builder.seller(), AVAILABLE, LATER))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("letter of intent").hasMessageContaining("export-intent");
        assertThat(deal.allowedCommands(builder.seller(), LATER)).containsExactlyInAnyOrder(DealCommand.REJECT,
                DealCommand.WITHDRAW);
        assertThat(deal.allowedCommands(builder.operator(), LATER)).containsExactly(DealCommand.EXPORT_INTENT);
    }

    @Test
    void shouldLetThePartiesNegotiateOnceTheIntentIsGrantedWithTheOffersValidityExtendedByTheReview() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = builder.offered();
        Instant granted = T0.plus(20, ChronoUnit.DAYS);

        List<DealChange> changes = deal.decideIntent(builder.operator(), true, "甘商技出意〔2026〕017号", granted);

        assertThat(changes).extracting(DealChange::kind).containsExactly(DealEventKind.EXPORT_INTENT_GRANTED);
        assertThat(deal.state()).isEqualTo(DealState.OFFERED);
        assertThat(deal.intentReference()).isEqualTo("甘商技出意〔2026〕017号");
        assertThat(deal.validUntil()).isEqualTo(VALID_UNTIL.plus(Duration.ofDays(20)));
        deal.accept(builder.seller(), AVAILABLE, granted.plusSeconds(60));
        assertThat(deal.state()).isEqualTo(DealState.AGREED);
    }

    @Test
    void shouldEndTheDealWhenTheAuthorityRefusesTheIntent() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = builder.offered();

        assertThat(deal.decideIntent(builder.operator(), false, "listed technology, no export", LATER))
                .extracting(DealChange::kind).containsExactly(DealEventKind.EXPORT_INTENT_REFUSED);
        assertThat(deal.state()).isEqualTo(DealState.CANCELLED);
        assertThat(deal.closingReason()).isEqualTo("listed technology, no export");
    }

    @Test
    void shouldSuspendTheOffersValidityWhileTheAuthorityReviewsAndResumeItMovedOnByTheReview() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = offeredAsTheServiceRecordsIt(builder);

        // the offer was not accepted: its validity stops running, it is not met
        assertThat(deal.deadlines()).extracting(Deadline::kind, Deadline::status).containsExactly(
                tuple(DeadlineKind.OFFER_VALIDITY, DeadlineStatus.SUSPENDED),
                tuple(DeadlineKind.INTENT_REVIEW, DeadlineStatus.OPEN));
        assertThat(deal.openDeadline(DeadlineKind.OFFER_VALIDITY)).isEmpty();

        Instant granted = T0.plus(20, ChronoUnit.DAYS);
        deal.decideIntent(builder.operator(), true, "甘商技出意〔2026〕017号", granted);
        deal.updateDeadlines(policy.required(deal), granted);

        assertThat(deal.deadlines()).extracting(Deadline::kind, Deadline::status).containsExactly(
                tuple(DeadlineKind.OFFER_VALIDITY, DeadlineStatus.OPEN),
                tuple(DeadlineKind.INTENT_REVIEW, DeadlineStatus.MET));
        assertThat(deal.openDeadline(DeadlineKind.OFFER_VALIDITY)).hasValueSatisfying(validity -> {
            assertThat(validity.dueAt()).isEqualTo(VALID_UNTIL.plus(Duration.ofDays(20)));
            assertThat(validity.responsible()).isEqualTo(Party.SELLER);
            assertThat(validity.openedAt()).isEqualTo(T0);
            assertThat(validity.closedAt()).isNull();
        });
    }

    @Test
    void shouldCancelTheSuspendedValidityWhenTheAuthorityRefusesTheIntent() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = offeredAsTheServiceRecordsIt(builder);

        deal.decideIntent(builder.operator(), false, "listed technology, no export", LATER);
        deal.updateDeadlines(policy.required(deal), LATER);

        assertThat(deal.deadlines()).extracting(Deadline::kind, Deadline::status).containsExactly(
                tuple(DeadlineKind.OFFER_VALIDITY, DeadlineStatus.CANCELLED),
                tuple(DeadlineKind.INTENT_REVIEW, DeadlineStatus.CANCELLED));
    }

    /** The opening offer with its deadlines worked out, then the service's own step to the authority's review. */
    private Deal offeredAsTheServiceRecordsIt(DealBuilder builder) {
        Deal deal = Deal.open(UUID.randomUUID(), builder.parties(), null, DealType.NON_EXCLUSIVE_LICENCE,
                DealBuilder.terms("250000.00"), VALID_UNTIL, T0);
        deal.updateDeadlines(policy.required(deal), T0);
        deal.advance(T0);
        deal.updateDeadlines(policy.required(deal), T0);
        return deal;
    }

    @Test
    void shouldPutRestrictedTechnologyInEffectOnlyOnTheExportLicence() {
        DealBuilder builder = aDeal().exportClass(ExportClass.RESTRICTED);
        Deal deal = builder.in(DealState.EXPORT_REVIEW);
        assertThat(deal.effectiveAt()).isNull();

        deal.decideExport(builder.operator(), true, "62-2026-XK-000318", LATER);

        assertThat(deal.state()).isEqualTo(DealState.CLEARED);
        assertThat(deal.licenceNumber()).isEqualTo("62-2026-XK-000318");
        assertThat(deal.effectiveAt()).isEqualTo(LATER);
    }

    @Test
    void shouldCompleteFreeTechnologyAcrossABorderOnlyOnceItsContractIsRegistered() {
        DealBuilder builder = aDeal().exportClass(ExportClass.FREE);
        Deal deal = builder.in(DealState.RECORDED);

        assertThat(deal.advance(LATER)).isEmpty();
        assertThat(deal.registerContract(builder.operator(), "2026620000000417", LATER))
                .extracting(DealChange::kind, DealChange::to)
                .containsExactly(tuple(DealEventKind.CONTRACT_REGISTERED, DealState.RECORDED));
        assertThatThrownBy(() -> deal.registerContract(builder.operator(), "again", LATER))
                .hasMessageContaining("registered already as 2026620000000417");
        assertThat(deal.advance(LATER)).extracting(DealChange::kind).containsExactly(DealEventKind.DEAL_COMPLETED);
    }

    @Test
    void shouldNotRegisterTheContractOfADomesticDeal() {
        DealBuilder builder = aDeal().domestic();
        Deal deal = builder.in(DealState.CLEARED);

        assertThatThrownBy(() -> deal.registerContract(builder.operator(), "x", LATER))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("freely exportable");
    }

    @Test
    void shouldAskTheAuthorityForItsAnswerWithinThirtyWorkingDaysAcrossTheNationalDayWeek() {
        Deal deal = aDeal().exportClass(ExportClass.RESTRICTED).offeredAt(Instant.parse("2026-09-28T02:00:00Z"));

        deal.updateDeadlines(policy.required(deal), deal.updatedAt());

        // received Mon 28 Sep: 29, 30 Sep; 1–7 Oct off; 8, 9, 10 (an adjusted Saturday) Oct; then five a week to
        // the 30th working day, Fri 13 Nov; due at its end, midnight in Beijing
        assertThat(deal.openDeadline(DeadlineKind.INTENT_REVIEW)).hasValueSatisfying(deadline -> {
            assertThat(deadline.dueAt()).isEqualTo(LocalDate.of(2026, 11, 14).atStartOfDay(DeadlinePolicy.CHINA).toInstant());
            assertThat(deadline.responsible()).isEqualTo(Party.SELLER);
            assertThat(deadline.estimated()).isFalse();
            assertThat(deadline.status()).isEqualTo(DeadlineStatus.OPEN);
        });
        assertThat(deal.openDeadline(DeadlineKind.OFFER_VALIDITY)).isEmpty();
    }

    @Test
    void shouldOpenTheRegistrationAndRecordalDeadlinesWhenTheContractTakesEffectAndCloseThemAsTheyAreDone() {
        DealBuilder builder = aDeal().exportClass(ExportClass.FREE).type(DealType.NON_EXCLUSIVE_LICENCE);
        Deal deal = builder.in(DealState.CLEARED);

        deal.updateDeadlines(policy.required(deal), LATER);

        assertThat(deal.deadlines()).extracting(Deadline::kind, Deadline::status).containsExactlyInAnyOrder(
                tuple(DeadlineKind.CONTRACT_REGISTRATION, DeadlineStatus.OPEN),
                tuple(DeadlineKind.CNIPA_RECORDAL, DeadlineStatus.OPEN));
        // effective 1 Mar 2026 (Beijing): registration by the end of 30 Apr, recordal by the end of 1 Jun
        assertThat(deal.openDeadline(DeadlineKind.CONTRACT_REGISTRATION).orElseThrow().dueAt())
                .isEqualTo(LocalDate.of(2026, 5, 1).atStartOfDay(DeadlinePolicy.CHINA).toInstant());
        assertThat(deal.openDeadline(DeadlineKind.CNIPA_RECORDAL).orElseThrow().dueAt())
                .isEqualTo(LocalDate.of(2026, 6, 2).atStartOfDay(DeadlinePolicy.CHINA).toInstant());

        deal.registerContract(builder.operator(), "2026620000000417", LATER);
        deal.updateDeadlines(policy.required(deal), LATER);

        assertThat(deal.deadlines()).filteredOn(deadline -> deadline.kind() == DeadlineKind.CONTRACT_REGISTRATION)
                .extracting(Deadline::status).containsExactly(DeadlineStatus.MET);
    }

    @Test
    void shouldMarkAMissedDeadlineOverdueAndStillOwedUntilItsTaskIsDone() {
        DealBuilder builder = aDeal().exportClass(ExportClass.FREE);
        Deal deal = builder.in(DealState.CLEARED);
        deal.updateDeadlines(policy.required(deal), LATER);

        List<DealChange> missed = deal.deadlineMissed(DeadlineKind.CONTRACT_REGISTRATION, LATER);
        deal.updateDeadlines(policy.required(deal), LATER);

        assertThat(missed).extracting(DealChange::kind, DealChange::deadline, DealChange::to).containsExactly(
                tuple(DealEventKind.DEADLINE_MISSED, DeadlineKind.CONTRACT_REGISTRATION,
                        DealState.CLEARED));
        assertThat(deal.openDeadline(DeadlineKind.CONTRACT_REGISTRATION).orElseThrow().status())
                .isEqualTo(DeadlineStatus.OVERDUE);
        deal.registerContract(builder.operator(), "late", LATER);
        deal.updateDeadlines(policy.required(deal), LATER);
        assertThat(deal.deadlines()).filteredOn(deadline -> deadline.kind() == DeadlineKind.CONTRACT_REGISTRATION)
                .extracting(Deadline::status).containsExactly(DeadlineStatus.MET_LATE);
    }

    @Test
    void shouldCancelOpenDeadlinesWhenTheDealEnds() {
        DealBuilder builder = aDeal().exportClass(ExportClass.FREE);
        Deal deal = builder.in(DealState.CLEARED);
        deal.updateDeadlines(policy.required(deal), LATER);

        deal.cancel(builder.buyer(), "the buyer's board said no", LATER);
        deal.updateDeadlines(policy.required(deal), LATER);

        assertThat(deal.deadlines()).extracting(Deadline::status).containsOnly(DeadlineStatus.CANCELLED);
    }
}
