package org.iprharbor.reliability.verify;

import java.util.Map;
import java.util.TreeMap;

/**
 * The verifier's comparison of the four sets: what is missing where (losses), what happened more than once
 * (duplicates), and what was merely published to Kafka twice (allowed: consumers deduplicate by ce_id).
 */
public record Verdict(int acknowledgedOffers, int acknowledgedAccepts, int events, Map<String, Long> missing,
        Map<String, Long> duplicates, long republished) {

    public Verdict {
        missing = new TreeMap<>(missing);
        duplicates = new TreeMap<>(duplicates);
    }

    public long losses() {
        return missing.values().stream().mapToLong(Long::longValue).sum();
    }

    public long duplicateEffects() {
        return duplicates.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean clean() {
        return losses() == 0 && duplicateEffects() == 0;
    }

    @Override
    public String toString() {
        return "acknowledged offers " + acknowledgedOffers + ", accepts " + acknowledgedAccepts + ", events " + events
                + "; losses " + losses() + " " + nonZero(missing) + "; duplicates " + duplicateEffects() + " "
                + nonZero(duplicates) + "; republished to Kafka " + republished;
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> shown = new TreeMap<>();
        counts.forEach((key, value) -> {
            if (value != 0) {
                shown.put(key, value);
            }
        });
        return shown;
    }
}
