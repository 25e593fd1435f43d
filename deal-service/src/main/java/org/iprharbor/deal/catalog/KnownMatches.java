package org.iprharbor.deal.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.KnownMatch;
import org.iprharbor.kit.events.IncomingEvent;

import io.quarkus.logging.Log;

/**
 * Keeps the matches the catalog announces ({@code match-found} on {@code harbor.needs.v1}) in {@code known_match}: each
 * event once (inbox), each match once. The topic's other types (need posted, updated, closed) change nothing here.
 */
@ApplicationScoped
public class KnownMatches {

    static final String CONSUMER = "deal-service.known-matches";
    static final String MATCH_FOUND = "org.iprharbor.catalog.match-found.v1";

    private final OnceReader reader;

    KnownMatches(OnceReader reader) {
        this.reader = reader;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        // Ignoring is idempotent by itself, so the need events need no inbox row (most of the topic's records).
        if (!MATCH_FOUND.equals(event.type())) {
            return;
        }
        MatchSnapshot match = reader.read(CONSUMER, event, MatchSnapshot.class, MatchSnapshot::complete).orElse(null);
        if (match == null) {
            return;
        }
        // The inbox keys on the event id; the catalog promises one announcement per match, and should a second one
        // (another event id) ever come, the first stays.
        if (KnownMatch.findById(match.matchId()) != null) {
            return;
        }
        KnownMatch known = match.toKnownMatch();
        known.persist();
        Log.infof("match known matchId=%s needId=%s needOwnerId=%s patentId=%s eventId=%s", known.id, known.needId,
                known.needOwnerId, known.patentId, event.id());
    }
}
