package org.iprharbor.deal.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.KnownMatch;
import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;

import io.quarkus.logging.Log;

/**
 * Keeps the matches the catalog announces ({@code match-found} on {@code harbor.needs.v1}) in {@code known_match}: each
 * event once (inbox), each match once. The topic's other types (need posted, updated, closed) change nothing here.
 */
@ApplicationScoped
public class KnownMatches {

    static final String CONSUMER = "deal-service.known-matches";
    static final String MATCH_FOUND = "org.iprharbor.catalog.match-found.v1";

    private final Inbox inbox;
    private final EventPayloads payloads;

    KnownMatches(Inbox inbox, EventPayloads payloads) {
        this.inbox = inbox;
        this.payloads = payloads;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        // Ignoring is idempotent by itself, so the need events need no inbox row (most of the topic's records).
        if (!MATCH_FOUND.equals(event.type())) {
            return;
        }
        MatchSnapshot match = payloads.read(event, MatchSnapshot.class);
        if (!match.complete()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks required match fields");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            Log.debugf("duplicate event skipped eventId=%s", event.id());
            return;
        }
        // The inbox keys on the event id; the catalog promises one announcement per match, and should a second one
        // (another event id) ever come, the first stays.
        if (KnownMatch.findById(match.matchId()) != null) {
            return;
        }
        KnownMatch known = new KnownMatch();
        known.id = match.matchId();
        known.needId = match.needId();
        known.needOwnerId = match.needOwnerId();
        known.patentId = match.patentId();
        known.patentOwnerId = match.patentOwnerId();
        known.score = match.score();
        known.foundAt = match.foundAt();
        known.persist();
        Log.infof("match known matchId=%s needId=%s needOwnerId=%s patentId=%s eventId=%s", known.id, known.needId,
                known.needOwnerId, known.patentId, event.id());
    }
}
