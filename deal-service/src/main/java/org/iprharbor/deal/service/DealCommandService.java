package org.iprharbor.deal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealChange;
import org.iprharbor.deal.domain.DealCommand;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DealType;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.deal.domain.Terms;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.problem.ProblemException;

/**
 * Applies the parties' and operators' commands to one deal, each in one transaction with its events and audit.
 * Concurrent commands on a deal race on its version: one commits, the others get 409.
 */
@ApplicationScoped
public class DealCommandService {

    private static final Set<String> GONE = Set.of("TRANSFERRED", "WITHDRAWN", "EXPIRED");
    private static final List<DealType> EXCLUSIVE = List.of(DealType.ASSIGNMENT, DealType.EXCLUSIVE_LICENCE);

    private final DealAccess access;
    private final DealJournal journal;

    DealCommandService(DealAccess access, DealJournal journal) {
        this.access = access;
        this.journal = journal;
    }

    @Transactional
    public Deal counter(UUID dealId, String ifMatch, Terms terms, Instant validUntil) {
        return run(dealId, ifMatch, (deal, actor) -> deal.counter(actor, terms, validUntil, DealClock.now()));
    }

    @Transactional
    public Deal accept(UUID dealId, String ifMatch) {
        return run(dealId, ifMatch, (deal, actor) -> {
            // checked before the deal changes, so the query's auto-flush writes nothing early
            if (deal.refusal(DealCommand.ACCEPT, actor, DealClock.now()) == null) {
                checkPatentStillDealable(deal);
            }
            return deal.accept(actor, DealClock.now());
        });
    }

    @Transactional
    public Deal reject(UUID dealId, String ifMatch, String reason) {
        return run(dealId, ifMatch, (deal, actor) -> deal.reject(actor, reason, DealClock.now()));
    }

    @Transactional
    public Deal withdraw(UUID dealId, String ifMatch, String reason) {
        return run(dealId, ifMatch, (deal, actor) -> deal.withdraw(actor, reason, DealClock.now()));
    }

    @Transactional
    public Deal sign(UUID dealId, String ifMatch) {
        return run(dealId, ifMatch, (deal, actor) -> deal.sign(actor, DealClock.now()));
    }

    @Transactional
    public Deal cancel(UUID dealId, String ifMatch, String reason) {
        return run(dealId, ifMatch, (deal, actor) -> deal.cancel(actor, reason, DealClock.now()));
    }

    @Transactional
    public Deal decideExport(UUID dealId, String ifMatch, boolean clear, String reason) {
        if (!clear && (reason == null || reason.isBlank())) {
            throw ProblemException.invalidField("reason", "is required when the export is denied");
        }
        return run(dealId, ifMatch, (deal, actor) -> deal.decideExport(actor, clear, reason, DealClock.now()));
    }

    @Transactional
    public Deal settlePayment(UUID dealId, String ifMatch, String settlementReference) {
        return run(dealId, ifMatch, (deal, actor) -> deal.settlePayment(actor, settlementReference, DealClock.now()));
    }

    @Transactional
    public Deal recordTransfer(UUID dealId, String ifMatch, String registrationNumber, LocalDate recordedOn) {
        return run(dealId, ifMatch,
                (deal, actor) -> deal.recordTransfer(actor, registrationNumber, recordedOn, DealClock.now()));
    }

    private Deal run(UUID dealId, String ifMatch, BiFunction<Deal, Actor, List<DealChange>> command) {
        Deal deal = access.visible(dealId);
        ETags.check(ifMatch, deal.version(), false);
        List<DealChange> changes = command.apply(deal, access.actorOn(deal));
        journal.record(deal, changes, access.actorOn(deal));
        return deal;
    }

    /**
     * Agreement needs the patent still to be there and, for an exclusive deal, no other exclusive deal holding it.
     * This query gives the clear answer; the partial unique index decides when two accepts race.
     */
    private static void checkPatentStillDealable(Deal deal) {
        KnownPatent patent = KnownPatent.findById(deal.patentId());
        if (patent != null && GONE.contains(patent.status)) {
            throw new ProblemException(409, "patent-unavailable", "Patent no longer available", "Patent "
                    + deal.patentId() + " is " + patent.status + " in the catalog; the deal cannot be agreed.");
        }
        if (deal.dealType().isExclusive() && Deal.count("patentId = ?1 and id <> ?2 and dealType in ?3 and state in ?4",
                deal.patentId(), deal.id(), EXCLUSIVE, DealState.HOLDING_PATENT) > 0) {
            throw DealJournal.patentHeld(deal);
        }
    }
}
