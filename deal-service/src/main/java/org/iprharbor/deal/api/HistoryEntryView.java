package org.iprharbor.deal.api;

import java.time.Instant;
import java.util.UUID;

import org.iprharbor.deal.domain.ActorRole;
import org.iprharbor.deal.domain.DealHistoryEntry;
import org.iprharbor.deal.domain.DealState;

/**
 * One transition of a deal's audit trail.
 *
 * @param termsSha256 SHA-256 (hex) of the agreed terms' canonical JSON, once agreed
 * @param prevHash the hash of the entry before it ("" for the first): the chain's link
 * @param entryHash SHA-256 (hex) of this entry's content and {@code prevHash}
 */
public record HistoryEntryView(long version, String command, UUID actorId, ActorRole actorRole, DealState fromState,
        DealState toState, Instant at, int termsVersion, String termsSha256, String reason, String prevHash,
        String entryHash) {

    public static HistoryEntryView of(DealHistoryEntry entry) {
        return new HistoryEntryView(entry.dealVersion, entry.command, entry.actorId, entry.actorRole, entry.fromState,
                entry.toState, entry.at, entry.termsVersion, entry.termsSha256, entry.reason, entry.prevHash,
                entry.entryHash);
    }
}
