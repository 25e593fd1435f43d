package org.iprharbor.catalog.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How much each kind of evidence counts towards a match's score (0–100), and the reasons a person reads. A pair
 * matches only on technology (a shared IPC subclass or a keyword found); territory, deal type and price then rank it.
 * The database computes the score from these weights ({@code persistence/MatchQueries}); the reasons come from here.
 */
public final class MatchScore {

    /** A shared IPC main group (H01M 10): the same technology. */
    public static final int IPC_GROUP = 40;
    /** A shared IPC subclass (H01M) only: the same field. */
    public static final int IPC_SUBCLASS = 25;
    /** Each keyword of the need found in the patent, up to {@link #WORDS_MAX}. */
    public static final int WORD = 10;
    public static final int WORDS_MAX = 30;
    /** The patent is in force (jurisdiction or family) in a territory of the need. */
    public static final int TERRITORY_COVERED = 10;
    /** The owner offers the patent for a territory of the need, though it is not in force there. */
    public static final int TERRITORY_TARGETED = 5;
    public static final int DEAL_TYPE = 10;
    public static final int WITHIN_BUDGET = 10;

    private MatchScore() {
    }

    /** The reasons behind the evidence, strongest first. */
    public static List<MatchReason> reasons(MatchEvidence evidence) {
        List<MatchReason> reasons = new ArrayList<>();
        if (!evidence.groups().isEmpty()) {
            reasons.add(new MatchReason(MatchReason.Kind.IPC_GROUP, evidence.groups(), null,
                    "Shared IPC group " + String.join(", ", evidence.groups())));
        } else if (!evidence.subclasses().isEmpty()) {
            reasons.add(new MatchReason(MatchReason.Kind.IPC_SUBCLASS, evidence.subclasses(), null,
                    "Shared IPC subclass " + String.join(", ", evidence.subclasses())));
        }
        new TreeMap<>(evidence.words()).forEach((language, words) -> reasons.add(new MatchReason(MatchReason.Kind.WORDS,
                List.copyOf(words), language, "Words found in the patent's " + language + " text: " + String.join(", ", words))));
        if (!evidence.covered().isEmpty()) {
            reasons.add(new MatchReason(MatchReason.Kind.TERRITORY_COVERED, evidence.covered(), null,
                    "In force in " + String.join(", ", evidence.covered())));
        } else if (!evidence.targeted().isEmpty()) {
            reasons.add(new MatchReason(MatchReason.Kind.TERRITORY_TARGETED, evidence.targeted(), null,
                    "Offered for " + String.join(", ", evidence.targeted())));
        }
        if (!evidence.dealTypes().isEmpty()) {
            List<String> types = evidence.dealTypes().stream().map(DealType::name).toList();
            reasons.add(new MatchReason(MatchReason.Kind.DEAL_TYPE, types, null, "Deal type offered: " + String.join(", ", types)));
        }
        if (evidence.withinBudget()) {
            reasons.add(new MatchReason(MatchReason.Kind.WITHIN_BUDGET, List.of(), null, "Asking price within budget"));
        }
        return List.copyOf(reasons);
    }
}
