package org.iprharbor.notification.matches;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The fields read from {@code org.iprharbor.catalog.match-found.v1}: a need and a patent that match, and why. */
public record MatchFound(UUID matchId, UUID needId, UUID needOwnerId, Map<String, String> needTitles, UUID patentId,
        UUID patentOwnerId, String publicationNumber, Map<String, String> patentTitles, Integer score,
        List<Reason> reasons, Instant foundAt) {

    /** One reason: a kind the reader's texts name, its values, and (for words) the language they were found in. */
    public record Reason(String kind, List<String> values, String language, String text) {
    }

    boolean complete() {
        return matchId != null && needId != null && needOwnerId != null && patentId != null && patentOwnerId != null
                && publicationNumber != null && score != null && foundAt != null;
    }

    List<Reason> reasonsOrNone() {
        return reasons == null ? List.of() : reasons;
    }
}
