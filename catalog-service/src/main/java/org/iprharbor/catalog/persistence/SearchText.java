package org.iprharbor.catalog.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.iprharbor.catalog.domain.Scripts;

/**
 * The {@code q} of a search, split the way PostgreSQL can find it: words in alphabetic scripts for full-text search,
 * terms in unsegmented scripts (Chinese…) for substring search.
 */
public record SearchText(String text) {

    public boolean present() {
        return text != null && !text.isBlank();
    }

    /** The words of the query in alphabetic scripts, for full-text search (blank if none). */
    public String words() {
        return tokens().filter(token -> !Scripts.unsegmented(token)).collect(Collectors.joining(" "));
    }

    /** The terms in scripts written without spaces between words (Chinese, Japanese, Thai…), for substring search. */
    public List<String> unsegmentedTerms() {
        return tokens().filter(Scripts::unsegmented).toList();
    }

    private Stream<String> tokens() {
        return present() ? Arrays.stream(text.strip().split("\\s+")) : Stream.empty();
    }
}
