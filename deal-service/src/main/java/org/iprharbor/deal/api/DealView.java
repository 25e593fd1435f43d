package org.iprharbor.deal.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealCommand;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DealType;
import org.iprharbor.deal.domain.Deadline;
import org.iprharbor.deal.domain.Party;

/**
 * A deal as its parties and operators see it, with what the caller may do next.
 *
 * @param turn whose move it is while negotiating (BUYER or SELLER), absent afterwards
 * @param allowedCommands the commands the caller may send now, by their path names
 * @param intentReference the export authority's letter of intent, for restricted technology leaving China
 * @param licenceNumber the export licence, for restricted technology leaving China
 * @param effectiveAt when the contract took effect: on signing, or on the export licence
 * @param deadlines every deadline the deal has run against, open and closed, with who must act and how it ended
 *        (docs/deal-procedure.md)
 * @param matchId always present (null included), as on the deal's events, so a client never has to tell "absent" from
 *        "not from a match"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DealView(UUID id, UUID patentId, DealType dealType, UUID buyerId, String buyerCountry, UUID sellerId,
        String sellerCountry, DealState state, int termsVersion, TermsBody terms, Party turn, Instant validUntil,
        Instant buyerSignedAt, Instant sellerSignedAt, String agreedTermsSha256, String contractRegistration,
        String settlementReference, String recordalNumber, LocalDate recordedOn, String closingReason,
        Instant openedAt, Instant updatedAt, long version, List<String> allowedCommands,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Schema(description = MATCH_ID, nullable = true) UUID matchId,
        String intentReference, String licenceNumber, Instant effectiveAt, List<Deadline> deadlines) {

    static final String MATCH_ID = "The catalog's match this deal was offered from (the matchId the buyer gave on "
            + "POST /deals: a match between the buyer's need and this patent), or null when the offer was not made from "
            + "a match. It never changes, and every event of the deal on harbor.deals.v1 carries it too.";

    public static DealView of(Deal deal, List<DealCommand> allowed) {
        return new DealView(deal.id(), deal.patentId(), deal.dealType(), deal.buyerId(), deal.buyerCountry(),
                deal.sellerId(), deal.sellerCountry(), deal.state(), deal.termsVersion(), TermsBody.of(deal.currentTerms()),
                deal.turn(), deal.validUntil(), deal.buyerSignedAt(), deal.sellerSignedAt(), deal.agreedTermsSha256(),
                deal.contractRegistration(), deal.settlementReference(), deal.recordalNumber(), deal.recordedOn(),
                deal.closingReason(), deal.openedAt(), deal.updatedAt(), deal.version(),
                allowed.stream().map(DealCommand::label).toList(), deal.matchId(), deal.intentReference(),
                deal.licenceNumber(), deal.effectiveAt(), deal.deadlines());
    }
}
