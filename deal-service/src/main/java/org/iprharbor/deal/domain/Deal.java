package org.iprharbor.deal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A deal between a buyer and a patent's owner: the aggregate owns its state machine. Each command checks
 * that it is allowed (else {@link IllegalTransitionException}), changes the deal and returns the domain events
 * it caused, taking its target state and event from {@link DealTransition}; steps the service takes by itself
 * (export control after signing, completion after recordal) come from {@link #advance(Instant)}, so every event
 * corresponds to exactly one version of the deal.
 */
@Entity
@Table(name = "deal")
public class Deal extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "patent_id", nullable = false)
    private UUID patentId;
    @Column(name = "buyer_id", nullable = false)
    private UUID buyerId;
    @Column(name = "seller_id", nullable = false)
    private UUID sellerId;
    @Column(name = "buyer_country", nullable = false)
    private String buyerCountry;
    @Column(name = "seller_country", nullable = false)
    private String sellerCountry;
    @Column(name = "patent_jurisdiction", nullable = false)
    private String patentJurisdiction;
    @Enumerated(EnumType.STRING)
    @Column(name = "export_class", nullable = false)
    private ExportClass exportClass;
    @Enumerated(EnumType.STRING)
    @Column(name = "deal_type", nullable = false)
    private DealType dealType;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DealState state;
    @Column(name = "terms_version", nullable = false)
    private int termsVersion;
    @Enumerated(EnumType.STRING)
    @Column(name = "terms_proposed_by", nullable = false)
    private Party termsProposedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "terms_versions", nullable = false)
    private List<TermsVersion> termsVersions;
    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "buyer_signed_at")
    private Instant buyerSignedAt;
    @Column(name = "seller_signed_at")
    private Instant sellerSignedAt;
    @Column(name = "agreed_terms_sha256")
    private String agreedTermsSha256;
    /** The commerce authority's letter of intent (restricted technology), once an operator has recorded it. */
    @Column(name = "intent_reference")
    private String intentReference;
    /** When the deal began waiting for the letter of intent: the offer's validity pauses from then. */
    @Column(name = "intent_requested_at")
    private Instant intentRequestedAt;
    /** The export licence's number (restricted technology), once issued. */
    @Column(name = "licence_number")
    private String licenceNumber;
    /** When the contract took effect: on signing, or on the export licence for restricted technology. */
    @Column(name = "effective_at")
    private Instant effectiveAt;
    /** The technology-export contract registration certificate (freely exportable technology), once registered. */
    @Column(name = "contract_registration")
    private String contractRegistration;
    @Column(name = "settlement_reference")
    private String settlementReference;
    @Column(name = "recordal_number")
    private String recordalNumber;
    @Column(name = "recorded_on")
    private LocalDate recordedOn;
    @Column(name = "closing_reason")
    private String closingReason;
    @Column(name = "match_id", updatable = false)
    private UUID matchId;
    /** Every deadline the deal has run against, open and closed, in the order they opened. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Deadline> deadlines = List.of();
    /** Set when the deal's deadlines have been worked out under the procedure (false for deals migrated into it). */
    @Column(name = "deadlines_settled", nullable = false)
    private boolean deadlinesSettled = true;
    @Version
    private long version;

    protected Deal() {
        // for Hibernate
    }

    /**
     * The buyer's opening offer (terms version 1), from the catalog's match {@code matchId} or not (null); the offer
     * rules that need the read model (the match's among them) are the service's.
     */
    public static Deal open(UUID id, DealParties parties, UUID matchId, DealType dealType, Terms terms,
            Instant validUntil, Instant now) {
        OfferRules.checkOpening(parties, dealType, terms, validUntil, now);
        Deal deal = new Deal();
        deal.id = id;
        deal.patentId = parties.patentId();
        deal.buyerId = parties.buyerId();
        deal.sellerId = parties.sellerId();
        deal.buyerCountry = parties.buyerCountry();
        deal.sellerCountry = parties.sellerCountry();
        deal.patentJurisdiction = parties.patentJurisdiction();
        deal.exportClass = parties.exportClass();
        deal.matchId = matchId;
        deal.dealType = dealType;
        deal.state = DealTransition.OPEN.to();
        deal.termsVersion = 1;
        deal.termsProposedBy = Party.BUYER;
        deal.termsVersions = List.of(new TermsVersion(1, Party.BUYER, now, terms));
        deal.validUntil = validUntil;
        deal.openedAt = now;
        deal.updatedAt = now;
        return deal;
    }

    /** The event of {@link #open}. */
    public List<DealChange> openingEvents() {
        return List.of(DealTransition.OPEN.change(null, null));
    }

    public List<DealChange> counter(Actor actor, Terms terms, Instant newValidUntil, Instant now) {
        require(DealCommand.COUNTER, actor, now);
        OfferRules.checkTerms(dealType, terms);
        if (newValidUntil != null) {
            OfferRules.checkValidUntil(newValidUntil, now);
            validUntil = newValidUntil;
        }
        List<TermsVersion> versions = new ArrayList<>(termsVersions);
        versions.add(new TermsVersion(termsVersion + 1, actor.party(), now, terms));
        termsVersions = List.copyOf(versions);
        termsVersion = termsVersion + 1;
        termsProposedBy = actor.party();
        return take(DealTransition.COUNTER, null, now);
    }

    /**
     * Agreement also needs the patent still in the catalog and, for an exclusive deal, no other exclusive deal
     * holding it; the partial unique index on deal still decides when two accepts race.
     */
    public List<DealChange> accept(Actor actor, PatentAvailability patent, Instant now) {
        require(DealCommand.ACCEPT, actor, now);
        if (patent.gone()) {
            throw PatentAvailability.unavailable(patentId, patent.catalogStatus());
        }
        if (dealType.isExclusive() && patent.heldByAnotherExclusiveDeal()) {
            throw PatentAvailability.held(patentId);
        }
        agreedTermsSha256 = TermsDigest.sha256(currentTerms());
        return take(DealTransition.ACCEPT, null, now);
    }

    public List<DealChange> reject(Actor actor, String reason, Instant now) {
        require(DealCommand.REJECT, actor, now);
        closingReason = reason;
        return take(DealTransition.REJECT, reason, now);
    }

    /**
     * The operator records the commerce authority's answer to the exporter's application: with a letter of intent
     * the parties may negotiate (the offer's validity is extended by the time the review took); without, the deal ends.
     */
    public List<DealChange> decideIntent(Actor actor, boolean granted, String referenceOrReason, Instant now) {
        require(DealCommand.EXPORT_INTENT, actor, now);
        if (!granted) {
            closingReason = referenceOrReason;
            return take(DealTransition.REFUSE_INTENT, referenceOrReason, now);
        }
        intentReference = referenceOrReason;
        validUntil = validUntil.plus(Duration.between(intentRequestedAt, now));
        return take(termsVersion == 1 ? DealTransition.GRANT_INTENT : DealTransition.GRANT_INTENT_COUNTERED,
                "letter of intent " + referenceOrReason, now);
    }

    public List<DealChange> withdraw(Actor actor, String reason, Instant now) {
        require(DealCommand.WITHDRAW, actor, now);
        closingReason = reason;
        return take(DealTransition.WITHDRAW, reason, now);
    }

    /** Each party signs the agreed terms once; the second signature makes the contract. */
    public List<DealChange> sign(Actor actor, Instant now) {
        require(DealCommand.SIGN, actor, now);
        if (actor.party() == Party.BUYER) {
            buyerSignedAt = now;
        } else {
            sellerSignedAt = now;
        }
        if (buyerSignedAt == null || sellerSignedAt == null) {
            return take(DealTransition.SIGN_FIRST, actor.party().name().toLowerCase() + " signed", now);
        }
        return take(DealTransition.SIGN_SECOND, null, now);
    }

    public List<DealChange> cancel(Actor actor, String reason, Instant now) {
        require(DealCommand.CANCEL, actor, now);
        closingReason = reason;
        return take(DealTransition.CANCEL, reason, now);
    }

    /** The operator records the export licence (the contract takes effect) or its refusal (the deal ends). */
    public List<DealChange> decideExport(Actor actor, boolean clear, String licenceOrReason, Instant now) {
        require(DealCommand.EXPORT_DECISION, actor, now);
        if (clear) {
            licenceNumber = licenceOrReason;
            effectiveAt = now;
            return take(DealTransition.APPROVE_EXPORT, "export licence " + licenceOrReason, now);
        }
        closingReason = licenceOrReason;
        return take(DealTransition.DENY_EXPORT, licenceOrReason, now);
    }

    /** The operator records the registration certificate of a freely exportable technology's contract. */
    public List<DealChange> registerContract(Actor actor, String certificate, Instant now) {
        require(DealCommand.REGISTRATION, actor, now);
        contractRegistration = certificate;
        return take(DealTransition.REGISTER_CONTRACT, "contract registration " + certificate, now);
    }


    public List<DealChange> settlePayment(Actor actor, String reference, Instant now) {
        require(DealCommand.PAYMENT, actor, now);
        settlementReference = reference;
        return take(DealTransition.SETTLE_PAYMENT, "settlement reference " + reference, now);
    }

    public List<DealChange> recordTransfer(Actor actor, String registrationNumber, LocalDate on, Instant now) {
        require(DealCommand.RECORDAL, actor, now);
        recordalNumber = registrationNumber;
        recordedOn = on;
        return take(DealTransition.RECORD_TRANSFER,
                "recorded by the patent office as " + registrationNumber + " on " + on, now);
    }

    /** The scheduler's command: an open offer past its deadline lapses. */
    public List<DealChange> expire(Instant now) {
        require(DealCommand.EXPIRE, Actor.system(), now);
        return take(DealTransition.EXPIRE, "the offer was valid until " + validUntil, now);
    }

    /**
     * The step the service takes by itself after a command, if any: the application for a letter of intent once
     * restricted technology is offered abroad, export control once signed, completion once recorded (and, for
     * freely exportable technology, registered).
     */
    public List<DealChange> advance(Instant now) {
        if (needsLetterOfIntent()) {
            require(DealCommand.INTENT_REQUEST, Actor.system(), now);
            intentRequestedAt = now;
            // a deal that reached agreement before this procedure existed negotiates again once the intent is granted
            agreedTermsSha256 = null;
            buyerSignedAt = null;
            sellerSignedAt = null;
            return take(DealTransition.REQUEST_INTENT, exportClass + " technology leaving " + patentJurisdiction
                    + ": the exporter applies for a letter of intent before any negotiation", now);
        }
        if (state == DealState.SIGNED) {
            return exportControl(now);
        }
        if (state == DealState.RECORDED && (exportRoute() != ExportRoute.REGISTRATION || contractRegistration != null)) {
            require(DealCommand.COMPLETE, Actor.system(), now);
            return take(DealTransition.COMPLETE, null, now);
        }
        return List.of();
    }

    /**
     * Restricted technology offered abroad without a letter of intent yet: a new offer, or (migrated from before
     * the procedure) a deal already negotiating or agreed.
     */
    public boolean needsLetterOfIntent() {
        return exportRoute() == ExportRoute.REVIEW && intentReference == null
                && DealTransition.statesAllowing(DealCommand.INTENT_REQUEST).contains(state);
    }

    private List<DealChange> exportControl(Instant now) {
        require(DealCommand.EXPORT_CONTROL, Actor.system(), now);
        return switch (exportRoute()) {
            case DOMESTIC -> {
                effectiveAt = now;
                yield take(DealTransition.CLEAR_EXPORT, "domestic deal: in effect on signing", now);
            }
            case REGISTRATION -> {
                effectiveAt = now;
                yield take(DealTransition.CLEAR_EXPORT,
                        "freely exportable technology: in effect on signing; the contract is to be registered", now);
            }
            // a class that became PROHIBITED after the offer is reviewed by a person rather than cleared
            case REVIEW, PROHIBITED -> take(DealTransition.REVIEW_EXPORT, exportClass + " technology leaving "
                    + patentJurisdiction + ": the exporter applies for the export licence", now);
        };
    }

    /** Why {@code actor} may not give {@code command} now, or null when it may. */
    private String refusal(DealCommand command, Actor actor, Instant now) {
        if (state == DealState.INTENT_REVIEW && EnumSet.of(DealCommand.COUNTER, DealCommand.ACCEPT).contains(command)) {
            return "negotiation waits for the export authority's letter of intent for " + exportClass
                    + " technology leaving " + patentJurisdiction + " (an operator records it with export-intent)";
        }
        String byTable = DealTransition.refusal(command, state, actor.role());
        if (byTable != null) {
            return byTable;
        }
        return switch (command) {
            case COUNTER, ACCEPT -> {
                if (actor.party() == termsProposedBy) {
                    yield "the latest terms (version " + termsVersion + ") are the " + termsProposedBy.name().toLowerCase()
                            + "'s own; it is the " + turn().name().toLowerCase() + "'s turn to counter or accept";
                }
                yield now.isAfter(validUntil) ? "the offer lapsed at " + validUntil : null;
            }
            case SIGN -> signedAt(actor.party()) != null ? "the " + actor.party().name().toLowerCase()
                    + " has signed already" : null;
            case EXPIRE -> now.isAfter(validUntil) ? null : "the offer is valid until " + validUntil;
            case REGISTRATION -> exportRoute() != ExportRoute.REGISTRATION
                    ? "only the contracts of freely exportable technology leaving " + patentJurisdiction + " are registered"
                    : contractRegistration != null ? "the contract is registered already as " + contractRegistration : null;
            default -> null;
        };
    }

    /** What {@code actor} may do next, for clients to render buttons. */
    public List<DealCommand> allowedCommands(Actor actor, Instant now) {
        return DealCommand.CALLABLE.stream().filter(command -> refusal(command, actor, now) == null).toList();
    }

    private void require(DealCommand command, Actor actor, Instant now) {
        String why = refusal(command, actor, now);
        if (why != null) {
            throw new IllegalTransitionException(state, command, why);
        }
    }

    /**
     * Brings the deal's deadlines in line with what its state calls for: opens the new ones, moves those whose due
     * time or party changed, suspends those the state pauses and resumes them, closes those no longer called for.
     * Answers the kinds it touched (their timers change).
     */
    public Set<DeadlineKind> updateDeadlines(List<DeadlinePolicy.Due> required, Instant now) {
        boolean ended = DealState.ENDED.contains(state) && state != DealState.COMPLETED;
        Set<DeadlineKind> touched = EnumSet.noneOf(DeadlineKind.class);
        List<Deadline> updated = new ArrayList<>();
        for (Deadline deadline : deadlines) {
            Deadline next = !deadline.live() ? deadline : deadline.toward(required.stream()
                    .filter(due -> due.kind() == deadline.kind()).findFirst().orElse(null), ended,
                    deadline.kind().pausesIn(state), now);
            if (!next.equals(deadline)) {
                touched.add(deadline.kind());
            }
            updated.add(next);
        }
        for (DeadlinePolicy.Due due : required) {
            if (updated.stream().noneMatch(deadline -> deadline.pending() && deadline.kind() == due.kind())) {
                updated.add(Deadline.opened(due, now));
                touched.add(due.kind());
            }
        }
        deadlines = List.copyOf(updated);
        deadlinesSettled = true;
        return touched;
    }

    /** The open deadline of that kind, if any. */
    public Optional<Deadline> openDeadline(DeadlineKind kind) {
        return deadlines.stream().filter(deadline -> deadline.pending() && deadline.kind() == kind).findFirst();
    }

    /** The deadline clock found an open deadline passed: it stays open (its task is still owed), now overdue. */
    public List<DealChange> deadlineMissed(DeadlineKind kind, Instant now) {
        return clock(true, kind, Deadline::overdue, now);
    }

    /** The deadline clock's reminder of an open deadline (counted on it, so each reminder is a change of its own). */
    public List<DealChange> deadlineApproaching(DeadlineKind kind, Instant now) {
        return clock(false, kind, Deadline::reminded, now);
    }

    private List<DealChange> clock(boolean missed, DeadlineKind kind, UnaryOperator<Deadline> mark, Instant now) {
        require(DealCommand.CLOCK, Actor.system(), now);
        Deadline deadline = openDeadline(kind).orElseThrow();
        deadlines = deadlines.stream().map(each -> each == deadline ? mark.apply(each) : each).toList();
        DealTransition row = missed ? DealTransition.DEADLINE_MISSED : DealTransition.DEADLINE_APPROACHING;
        DealState from = state;
        updatedAt = now;
        return List.of(row.change(from, kind + (missed ? " was due " : " is due ") + deadline.dueAt(), kind));
    }

    /** Moves the deal along a row of the table; the command method has checked it with {@link #require}. */
    private List<DealChange> take(DealTransition transition, String reason, Instant now) {
        DealState from = state;
        state = transition.after(from);
        updatedAt = now;
        return List.of(transition.change(from, reason));
    }

    /** The party whose move it is while negotiating; null once the negotiation is over. */
    public Party turn() {
        return state.isNegotiating() ? termsProposedBy.other() : null;
    }

    /** BUYER or SELLER for the deal's parties, null for anyone else. */
    public Party partyOf(UUID partnerId) {
        if (buyerId.equals(partnerId)) {
            return Party.BUYER;
        }
        return sellerId.equals(partnerId) ? Party.SELLER : null;
    }

    public ExportRoute exportRoute() {
        return ExportRoute.of(buyerCountry, patentJurisdiction, exportClass);
    }

    public Terms currentTerms() {
        return termsVersions.get(termsVersions.size() - 1).terms();
    }

    private Instant signedAt(Party party) {
        return party == Party.BUYER ? buyerSignedAt : sellerSignedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID patentId() {
        return patentId;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public UUID sellerId() {
        return sellerId;
    }

    public String buyerCountry() {
        return buyerCountry;
    }

    public String sellerCountry() {
        return sellerCountry;
    }

    public DealType dealType() {
        return dealType;
    }

    public DealState state() {
        return state;
    }

    public int termsVersion() {
        return termsVersion;
    }

    public List<TermsVersion> termsVersions() {
        return termsVersions;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant buyerSignedAt() {
        return buyerSignedAt;
    }

    public Instant sellerSignedAt() {
        return sellerSignedAt;
    }

    public String agreedTermsSha256() {
        return agreedTermsSha256;
    }

    public String intentReference() {
        return intentReference;
    }

    public Instant intentRequestedAt() {
        return intentRequestedAt;
    }

    public String licenceNumber() {
        return licenceNumber;
    }

    public Instant effectiveAt() {
        return effectiveAt;
    }

    public ExportClass exportClass() {
        return exportClass;
    }

    public String patentJurisdiction() {
        return patentJurisdiction;
    }

    public String contractRegistration() {
        return contractRegistration;
    }

    public String settlementReference() {
        return settlementReference;
    }

    public String recordalNumber() {
        return recordalNumber;
    }

    public LocalDate recordedOn() {
        return recordedOn;
    }

    public List<Deadline> deadlines() {
        return deadlines;
    }

    /** When the contract was signed by both: the licence application's date. */
    public Instant signedAt() {
        return buyerSignedAt == null || sellerSignedAt == null ? null
                : buyerSignedAt.isAfter(sellerSignedAt) ? buyerSignedAt : sellerSignedAt;
    }

    public String closingReason() {
        return closingReason;
    }

    public long version() {
        return version;
    }

    /** The catalog's match the deal was offered from, or null. */
    public UUID matchId() {
        return matchId;
    }
}
