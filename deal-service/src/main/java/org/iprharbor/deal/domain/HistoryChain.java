package org.iprharbor.deal.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * Recomputes a deal's audit trail as a hash chain, independently of the database function that wrote the links
 * (V4__history_chain.sql has the canonical form both follow): a row changed or removed behind the service's back
 * shows as the first entry whose recomputed hash differs from the stored one.
 */
public final class HistoryChain {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private HistoryChain() {
    }

    /** What a check of the chain found: intact, or the first entry that does not fit and why. */
    public record Verdict(boolean intact, int entries, Long firstBrokenVersion, String problem, String head) {
    }

    /** Checks the entries of one deal, in version order, from the first. */
    public static Verdict verify(List<DealHistoryEntry> entries) {
        String previous = "";
        long expectedVersion = entries.isEmpty() ? 0 : entries.get(0).dealVersion;
        for (DealHistoryEntry entry : entries) {
            String problem = null;
            if (entry.dealVersion != expectedVersion) {
                problem = "version " + expectedVersion + " is missing";
            } else if (!previous.equals(entry.prevHash)) {
                problem = "its previous-hash does not match the entry before it";
            } else if (!hash(entry, previous).equals(entry.entryHash)) {
                problem = "its content does not match its hash";
            }
            if (problem != null) {
                return new Verdict(false, entries.size(), entry.dealVersion, problem, null);
            }
            previous = entry.entryHash;
            expectedVersion = entry.dealVersion + 1;
        }
        return new Verdict(true, entries.size(), null, null, previous);
    }

    static String hash(DealHistoryEntry entry, String previous) {
        String canonical = field(previous) + field(entry.dealId) + field(entry.dealVersion) + field(entry.command)
                + field(entry.actorId) + field(entry.actorRole) + field(entry.fromState) + field(entry.toState)
                + field(AT.format(entry.at)) + field(entry.termsVersion) + field(entry.termsSha256) + field(entry.reason);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "-\n";
        }
        String text = value.toString();
        return text.codePointCount(0, text.length()) + ":" + text + "\n";
    }
}
