package org.iprharbor.deal.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One line of a deal's audit trail: who moved it from which state to which, when, on which terms.
 */
@Entity
@Table(name = "deal_history")
public class DealHistoryEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    /** The deal's version after this step (the event's sequence). */
    @Column(name = "deal_version", nullable = false)
    public long dealVersion;

    /** The command's API name, e.g. {@code accept} or {@code export-control}. */
    @Column(nullable = false)
    public String command;

    @Column(name = "actor_id")
    public UUID actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_role", nullable = false)
    public ActorRole actorRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public DealState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public DealState toState;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "terms_version", nullable = false)
    public int termsVersion;

    /** SHA-256 of the agreed terms' canonical JSON, once the terms are agreed. */
    @Column(name = "terms_sha256")
    public String termsSha256;

    public String reason;

    /** The entry before it's hash ("" for the first); written by the database on insert (V4__history_chain.sql). */
    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;

    /** SHA-256 of this entry's content and {@link #prevHash}; written by the database on insert. */
    @Column(name = "entry_hash", insertable = false, updatable = false)
    public String entryHash;

    /** The audit line for one step of {@code deal}, taken after the step was flushed (so its version is final). */
    public static DealHistoryEntry of(Deal deal, DealChange change, Actor actor, Instant at) {
        DealHistoryEntry entry = new DealHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.dealId = deal.id();
        entry.dealVersion = deal.version();
        entry.command = change.command().label();
        entry.actorId = actor.id();
        entry.actorRole = actor.role();
        entry.fromState = change.from();
        entry.toState = change.to();
        entry.at = at;
        entry.termsVersion = deal.termsVersion();
        entry.termsSha256 = deal.agreedTermsSha256();
        entry.reason = change.reason();
        return entry;
    }
}
