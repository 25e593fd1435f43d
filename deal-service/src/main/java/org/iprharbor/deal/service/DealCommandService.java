package org.iprharbor.deal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealChange;
import org.iprharbor.deal.domain.Terms;
import org.iprharbor.deal.persistence.PatentAvailabilityQuery;
import org.iprharbor.kit.api.ETags;

/**
 * Applies the parties' and operators' commands to one deal, each in one transaction with its events and audit.
 * Concurrent commands on a deal race on its version: one commits, the others get 409.
 */
@ApplicationScoped
public class DealCommandService {

    private final DealAccess access;
    private final DealJournal journal;
    private final PatentAvailabilityQuery patents;

    DealCommandService(DealAccess access, DealJournal journal, PatentAvailabilityQuery patents) {
        this.access = access;
        this.journal = journal;
        this.patents = patents;
    }

    @Transactional
    public Deal counter(UUID dealId, String ifMatch, Terms terms, Instant validUntil) {
        return run(dealId, ifMatch, (deal, actor) -> deal.counter(actor, terms, validUntil, DealClock.now()));
    }

    @Transactional
    public Deal accept(UUID dealId, String ifMatch) {
        // the patent is read before accept changes the deal, so the queries' auto-flush writes nothing early
        return run(dealId, ifMatch, (deal, actor) -> deal.accept(actor, patents.of(deal), DealClock.now()));
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
    public Deal decideExport(UUID dealId, String ifMatch, boolean clear, String licenceOrReason) {
        return run(dealId, ifMatch, (deal, actor) -> deal.decideExport(actor, clear, licenceOrReason, DealClock.now()));
    }

    @Transactional
    public Deal decideIntent(UUID dealId, String ifMatch, boolean granted, String referenceOrReason) {
        return run(dealId, ifMatch, (deal, actor) -> deal.decideIntent(actor, granted, referenceOrReason, DealClock.now()));
    }

    @Transactional
    public Deal registerContract(UUID dealId, String ifMatch, String certificate) {
        return run(dealId, ifMatch, (deal, actor) -> deal.registerContract(actor, certificate, DealClock.now()));
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
        Deal deal = access.forCommand(dealId);
        ETags.check(ifMatch, deal.version(), false);
        List<DealChange> changes = command.apply(deal, access.actorOn(deal));
        journal.record(deal, changes, access.actorOn(deal));
        return deal;
    }
}
