package org.iprharbor.deal.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A match the catalog announced on {@code harbor.needs.v1}: which need and which patent, and whose need it is, so an
 * offer that names the match as its origin can be checked here without calling the catalog.
 */
@Entity
@Table(name = "known_match")
public class KnownMatch extends PanacheEntityBase {

    /** The catalog's matchId. */
    @Id
    public UUID id;

    @Column(name = "need_id", nullable = false)
    public UUID needId;

    /** The partner whose need it is: the only one who may make an offer from the match. */
    @Column(name = "need_owner_id", nullable = false)
    public UUID needOwnerId;

    @Column(name = "patent_id", nullable = false)
    public UUID patentId;

    /** The patent's owner when the match was found; the deal's seller is whoever owns the patent at offer time. */
    @Column(name = "patent_owner_id", nullable = false)
    public UUID patentOwnerId;

    @Column(nullable = false)
    public int score;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;
}
