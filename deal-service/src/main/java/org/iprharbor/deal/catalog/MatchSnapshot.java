package org.iprharbor.deal.catalog;

import java.time.Instant;
import java.util.UUID;

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
}
