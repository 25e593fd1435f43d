package org.iprharbor.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.domain.MatchReason;
import org.iprharbor.catalog.domain.MatchStatus;
import org.iprharbor.catalog.service.MatchService;

/**
 * A match as either party sees it: both sides by id and title, the score (0–100) and the reasons, never the budget.
 */
public record MatchView(UUID id, UUID needId, Map<String, String> needTitles, UUID patentId, String publicationNumber,
        Map<String, String> patentTitles, int score, List<MatchReason> reasons, MatchStatus status, Instant foundAt,
        Instant updatedAt) {

    public static MatchView of(MatchService.Detailed detailed) {
        var match = detailed.match();
        return new MatchView(match.id, match.needId, detailed.need().titles, match.patentId,
                detailed.patent().publicationNumber, detailed.patent().titles, match.score, match.reasons, match.status,
                match.foundAt, match.updatedAt);
    }
}
