package org.iprharbor.deal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Which deadlines a deal's present state calls for, and when each is due: working days by China's calendar for the
 * authorities' reviews, calendar days and months for the parties' filings, each ending at midnight in Beijing.
 */
public final class DeadlinePolicy {

    /** The authorities' and CNIPA's clock. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;

    public DeadlinePolicy(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** A deadline the deal's state calls for. */
    public record Due(DeadlineKind kind, Instant dueAt, Party responsible, boolean estimated) {
    }

    public List<Due> required(Deal deal) {
        List<Due> due = new ArrayList<>();
        DealState state = deal.state();
        if (state.isNegotiating()) {
            due.add(new Due(DeadlineKind.OFFER_VALIDITY, deal.validUntil(), deal.turn(), false));
        }
        if (state == DealState.INTENT_REVIEW) {
            due.add(workingDays(DeadlineKind.INTENT_REVIEW, deal.intentRequestedAt(), 30));
        }
        if (state == DealState.EXPORT_REVIEW) {
            due.add(workingDays(DeadlineKind.EXPORT_LICENCE, deal.signedAt(), 15));
        }
        if (deal.effectiveAt() != null && !DealState.ENDED.contains(state)) {
            LocalDate effective = LocalDate.ofInstant(deal.effectiveAt(), CHINA);
            if (deal.exportRoute() == ExportRoute.REGISTRATION && deal.contractRegistration() == null) {
                due.add(new Due(DeadlineKind.CONTRACT_REGISTRATION, endOf(effective.plusDays(60)), Party.SELLER, false));
            }
            if (deal.dealType().isLicence() && deal.recordalNumber() == null) {
                due.add(new Due(DeadlineKind.CNIPA_RECORDAL, endOf(effective.plusMonths(3)), Party.SELLER, false));
            }
        }
        return due;
    }

    /** The exporter (the seller) applies and answers the authority; its decision is due by the n-th working day. */
    private Due workingDays(DeadlineKind kind, Instant applied, int workingDays) {
        LocalDate received = LocalDate.ofInstant(applied, CHINA);
        LocalDate last = calendar.plusWorkingDays(received, workingDays);
        return new Due(kind, endOf(last), Party.SELLER, !calendar.isOfficialBetween(received, last));
    }

    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toInstant();
    }
}
