package org.iprharbor.deal.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.deal.domain.KnownMatch;
import org.iprharbor.kit.problem.ProblemException;

/**
 * Checks the match an offer names as its origin against the matches the catalog announced: the match must be known,
 * answer the buyer's own need and pair it with the patent offered for. Only the need's owner can start a deal from a
 * match, because the buyer makes every opening offer; the patent's owner answers it (docs/matching.md).
 */
@ApplicationScoped
public class MatchOrigin {

    private static final String FIELD = "matchId";

    /** Returns quietly when {@code matchId} is null (an offer not made from a match) or names a fitting match. */
    public void check(UUID matchId, UUID buyerId, UUID patentId) {
        if (matchId == null) {
            return;
        }
        KnownMatch match = KnownMatch.findById(matchId);
        if (match == null) {
            throw ProblemException.unprocessable(FIELD, "unknown match", "Match " + matchId + " is unknown to "
                    + "deal-service. A match the catalog has just announced may take a moment to arrive here: retry "
                    + "shortly, or check the matchId against GET /needs/{id}/matches in the catalog.");
        }
        if (!match.needOwnerId.equals(buyerId)) {
            throw ProblemException.unprocessable(FIELD, "not a match for your need", match.patentOwnerId.equals(buyerId)
                    ? "Match " + matchId + " was found for your patent; only the owner of the need can make an offer "
                            + "from it. The buyer makes the opening offer, and the patent's owner answers it."
                    : "Match " + matchId + " answers another partner's need; only that need's owner can make an "
                            + "offer from it.");
        }
        if (!match.patentId.equals(patentId)) {
            throw ProblemException.unprocessable(FIELD, "the match is for another patent", "Match " + matchId
                    + " pairs your need " + match.needId + " with patent " + match.patentId + ", not with patent "
                    + patentId + ": offer for that patent, or leave matchId out.");
        }
    }
}
