package org.iprharbor.catalog.domain;

import java.util.List;
import java.util.Map;

/**
 * What a need and a patent have in common, as the database found it: IPC main groups and subclasses both name, the
 * need's keywords found in the patent's titles and abstracts by the patent's language, the need's territories the
 * patent covers (jurisdiction or family) or targets, the deal types both name, and whether the asking price is within
 * the budget (the budget itself never leaves the need).
 */
public record MatchEvidence(List<String> groups, List<String> subclasses, Map<String, List<String>> words,
        List<String> covered, List<String> targeted, List<DealType> dealTypes, boolean withinBudget) {
}
