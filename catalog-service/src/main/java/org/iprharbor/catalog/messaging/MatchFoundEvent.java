package org.iprharbor.catalog.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.domain.MatchReason;
import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedMatch;
import org.iprharbor.catalog.domain.Patent;

/**
 * Payload of match-found on {@code harbor.needs.v1} (keyed by needId): who should hear of it (both owners), what
 * matched, the score and the reasons; published once per pair, never with the need's budget.
 */
public record MatchFoundEvent(UUID matchId, UUID needId, UUID needOwnerId, Map<String, String> needTitles,
        UUID patentId, UUID patentOwnerId, String publicationNumber, Map<String, String> patentTitles, int score,
        List<MatchReason> reasons, Instant foundAt) {

    public static MatchFoundEvent of(NeedMatch match, Need need, Patent patent) {
        return new MatchFoundEvent(match.id, need.id, need.ownerId, need.titles, patent.id, patent.ownerId,
                patent.publicationNumber, patent.titles, match.score, match.reasons, match.updatedAt);
    }
}
