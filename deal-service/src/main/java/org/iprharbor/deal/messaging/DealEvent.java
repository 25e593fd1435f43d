package org.iprharbor.deal.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealChange;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DealType;
import org.iprharbor.deal.domain.Deadline;
import org.iprharbor.deal.domain.ExportRoute;
import org.iprharbor.deal.domain.Terms;

/**
 * Payload of every event on {@code harbor.deals.v1}: the parties, the patent, the state after the change, the
 * current terms and until when the open offer stands, and the deal's version (also the record's {@code ce_sequence}).
 * The deal's open deadlines ride along on every event (operators' due-and-overdue panel reads them), and a step of
 * the deadline clock names the deadline it is about in {@code deadline}.
 * The published contract is docs/asyncapi/deal-service/asyncapi.yaml: add fields freely, never remove or retype one.
 *
 * @param matchId the catalog's match the deal was offered from, null when it was not: on every event of the deal, so a
 *        consumer counting deals from matches never has to remember the deal-opened event
 * @param exportRoute the procedure the deal follows, so a consumer can tell a contract in effect on signing from one
 *        that waits for the export licence
 */
public record DealEvent(UUID dealId, UUID patentId, UUID buyerId, UUID sellerId, String buyerCountry,
        String sellerCountry, DealType dealType, DealState state, int termsVersion, TermsPayload terms,
        Instant validUntil, String reason, long version, UUID matchId, ExportRoute exportRoute, Instant effectiveAt,
        List<Deadline> deadlines, Deadline deadline) {

    /** The terms as published; the amount is a string so no consumer rounds it through a double. */
    public record TermsPayload(PricePayload price, BigDecimal royaltyPercent, List<String> territory,
            Integer termYears, String fieldOfUse) {
    }

    public record PricePayload(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
    }

    /** Call after the change was flushed, so {@code deal.version()} is the version this event describes. */
    public static DealEvent of(Deal deal, DealChange change) {
        Terms terms = deal.currentTerms();
        TermsPayload payload = new TermsPayload(new PricePayload(terms.price().amount(), terms.price().currency()),
                terms.royaltyPercent(), terms.territory(), terms.termYears(), terms.fieldOfUse());
        return new DealEvent(deal.id(), deal.patentId(), deal.buyerId(), deal.sellerId(), deal.buyerCountry(),
                deal.sellerCountry(), deal.dealType(), change.to(), deal.termsVersion(), payload, deal.validUntil(),
                change.reason(), deal.version(), deal.matchId(), deal.exportRoute(), deal.effectiveAt(),
                deal.deadlines().stream().filter(Deadline::pending).toList(),
                change.deadline() == null ? null : deal.deadlines().stream()
                        .filter(each -> each.kind() == change.deadline()).reduce((first, last) -> last).orElse(null));
    }
}
