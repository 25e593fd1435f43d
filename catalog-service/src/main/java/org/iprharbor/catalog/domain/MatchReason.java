package org.iprharbor.catalog.domain;

import java.util.List;

/**
 * Why a need and a patent match, in a form a person can read ({@code text}, English) and a program can localise
 * ({@code kind} and {@code values}; {@code language} for words: the patent's language they were found in).
 */
public record MatchReason(Kind kind, List<String> values, String language, String text) {

    /** The kinds of evidence matching weighs; see {@link MatchScore} for how much each counts. */
    public enum Kind {
        IPC_GROUP, IPC_SUBCLASS, WORDS, TERRITORY_COVERED, TERRITORY_TARGETED, DEAL_TYPE, WITHIN_BUDGET
    }
}
