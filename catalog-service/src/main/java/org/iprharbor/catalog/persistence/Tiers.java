package org.iprharbor.catalog.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.iprharbor.catalog.domain.MatchScore;

/**
 * The candidates of one anchor split by the technology evidence they can have, each with the highest score a pair in
 * it can reach: a shared IPC main group; a shared subclass with words; words without a shared subclass; a shared
 * subclass without words. The four are disjoint and together hold every pair that can match (a shared subclass or a
 * word), so matching can read the strongest first and stop once what it found beats every bound left
 * ({@code MatchQueries}; docs/matching.md, "How it scales").
 */
record Tiers(String group, String subclass, String words) {

    /** A candidate condition (SQL over the candidate row) and the highest score a pair meeting it can reach. */
    record Tier(String candidates, int bound) {
    }

    /**
     * The tiers that can hold candidates, highest bound first, for an anchor whose pairs score at most these word and
     * context points and that has (or lacks) IPC groups and subclasses.
     */
    List<Tier> strongestFirst(int wordsMax, int contextMax, boolean groups, boolean subclasses) {
        List<Tier> tiers = new ArrayList<>();
        if (groups) {
            tiers.add(new Tier(group, MatchScore.IPC_GROUP + wordsMax + contextMax));
        }
        if (subclasses && wordsMax > 0) {
            tiers.add(new Tier("(" + subclass + " AND " + words + " AND NOT " + group + ")", MatchScore.IPC_SUBCLASS + wordsMax + contextMax));
        }
        if (wordsMax > 0) {
            tiers.add(new Tier("(" + words + " AND NOT " + subclass + ")", wordsMax + contextMax));
        }
        if (subclasses) {
            tiers.add(new Tier("(" + subclass + " AND NOT " + group + " AND NOT coalesce(" + words + ", false))",
                    MatchScore.IPC_SUBCLASS + contextMax));
        }
        tiers.sort(Comparator.comparingInt(Tier::bound).reversed());
        return tiers;
    }
}
