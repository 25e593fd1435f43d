package org.iprharbor.catalog.persistence;

import java.math.BigDecimal;
import java.util.UUID;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.PatentStatus;

/**
 * What a patent search asks for; null means "any". {@code status} null means what is on the market
 * (AVAILABLE and RESERVED); withdrawn listings are only ever found by their owner or an operator.
 *
 * @param ipcPrefix normalised IPC prefix (H, H01, H01M, H01M 10 or H01M 10/0525)
 * @param coverage  a country where the patent is in force (its jurisdiction or family coverage)
 */
public record PatentCriteria(String text, String ipcPrefix, String jurisdiction, String coverage, PatentStatus status,
        DealType dealType, ExportClass exportClass, UUID owner, BigDecimal maxPrice, String currency) {

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** The words of the query in alphabetic scripts, for full-text search (blank if none). */
    public String words() {
        return tokens().filter(token -> !unsegmented(token)).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The terms in scripts written without spaces between words (Chinese, Japanese, Thai…), for substring search. */
    public java.util.List<String> unsegmentedTerms() {
        return tokens().filter(PatentCriteria::unsegmented).toList();
    }

    private java.util.stream.Stream<String> tokens() {
        return hasText() ? java.util.Arrays.stream(text.strip().split("\\s+")) : java.util.stream.Stream.empty();
    }

    private static boolean unsegmented(String token) {
        return token.codePoints().anyMatch(codePoint -> switch (Character.UnicodeScript.of(codePoint)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        });
    }
}
