package org.iprharbor.catalog.domain;

import java.time.Instant;
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

import org.iprharbor.kit.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A need and a patent that fit each other, with a score and the reasons; one row per pair, ever, so a match is
 * announced once and a dismissed one stays dismissed whatever later changes find.
 */
@Entity
@Table(name = "need_match")
public class NeedMatch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "need_id", nullable = false)
    public UUID needId;

    @Column(name = "patent_id", nullable = false)
    public UUID patentId;

    /** 0–100, see {@link MatchScore}. */
    @Column(nullable = false)
    public int score;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MatchReason> reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatchStatus status;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When match-found was published; never again after that. */
    @Column(name = "announced_at")
    public Instant announcedAt;

    @Column(name = "dismissed_by")
    public UUID dismissedBy;

    @Column(name = "dismissed_at")
    public Instant dismissedAt;

    @Version
    public long version;

    /** A match found (again) with this score and these reasons; true if it should be announced now. */
    public boolean found(int newScore, List<MatchReason> newReasons, Instant now) {
        if (status == MatchStatus.DISMISSED) {
            return false;
        }
        score = newScore;
        reasons = List.copyOf(newReasons);
        status = MatchStatus.ACTIVE;
        updatedAt = now;
        if (announcedAt != null) {
            return false;
        }
        announcedAt = now;
        return true;
    }

    /** A change made the pair stop matching. */
    public void lapse(Instant now) {
        if (status == MatchStatus.ACTIVE) {
            status = MatchStatus.LAPSED;
            updatedAt = now;
        }
    }

    /** A party does not want to hear of this match again. */
    public void dismiss(UUID by, Instant now) {
        if (status == MatchStatus.DISMISSED) {
            throw ProblemException.conflict("Match " + id + " is dismissed already.");
        }
        status = MatchStatus.DISMISSED;
        dismissedBy = by;
        dismissedAt = now;
        updatedAt = now;
    }
}
