package org.iprharbor.deal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    /** The operator's export-control decision on a restricted cross-border deal. */
    public List<DealChange> decideExport(Actor actor, boolean clear, String reason, Instant now) {
        require(DealCommand.EXPORT_DECISION, actor, now);
        if (clear) {
            return take(DealTransition.APPROVE_EXPORT, reason, now);
        }
        closingReason = reason;
        return take(DealTransition.DENY_EXPORT, reason, now);
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

    /** The step the service takes by itself after a command, if any: export control once signed, completion once recorded. */
    public List<DealChange> advance(Instant now) {
        if (state == DealState.SIGNED) {
            return exportControl(now);
        }
        if (state == DealState.RECORDED) {
            require(DealCommand.COMPLETE, Actor.system(), now);
            return take(DealTransition.COMPLETE, null, now);
        }
        return List.of();
    }

    private List<DealChange> exportControl(Instant now) {
        require(DealCommand.EXPORT_CONTROL, Actor.system(), now);
        return switch (exportRoute()) {
            case DOMESTIC -> take(DealTransition.CLEAR_EXPORT, "domestic deal: no export control needed", now);
            case REGISTRATION -> {
                contractRegistration = "TCR-" + now.atOffset(ZoneOffset.UTC).getYear() + "-"
                        + id.toString().substring(0, 8).toUpperCase();
                yield take(DealTransition.CLEAR_EXPORT,
                        "freely exportable technology: contract registration " + contractRegistration, now);
            }
            // a class that became PROHIBITED after the offer is reviewed by a person rather than cleared
            case REVIEW, PROHIBITED -> take(DealTransition.REVIEW_EXPORT, exportClass + " technology leaving "
                    + patentJurisdiction + ": an operator's export decision is required", now);
        };
    }

    /** Why {@code actor} may not give {@code command} now, or null when it may. */
    private String refusal(DealCommand command, Actor actor, Instant now) {
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

    /** Moves the deal along a row of the table; the command method has checked it with {@link #require}. */
    private List<DealChange> take(DealTransition transition, String reason, Instant now) {
        DealState from = state;
        state = transition.to();
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
