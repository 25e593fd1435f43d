package org.iprharbor.deal.catalog;

import java.time.Instant;
import java.util.UUID;

import org.iprharbor.deal.domain.KnownMatch;

/**
 * The fields deal-service reads from a {@code match-found} payload on {@code harbor.needs.v1} (titles and reasons are
 * for people; deal-service only checks offers against the pair).
 */
public record MatchSnapshot(UUID matchId, UUID needId, UUID needOwnerId, UUID patentId, UUID patentOwnerId,
        Integer score, Instant foundAt) {

    boolean complete() {
        return matchId != null && needId != null && needOwnerId != null && patentId != null && patentOwnerId != null
                && score != null && foundAt != null;
    }

    KnownMatch toKnownMatch() {
        KnownMatch known = new KnownMatch();
        known.id = matchId;
        known.needId = needId;
        known.needOwnerId = needOwnerId;
        known.patentId = patentId;
        known.patentOwnerId = patentOwnerId;
        known.score = score;
        known.foundAt = foundAt;
        return known;
    }
}
