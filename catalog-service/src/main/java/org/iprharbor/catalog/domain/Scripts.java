package org.iprharbor.catalog.domain;

/**
 * Writing systems as search and matching see them: most scripts separate words with spaces, so PostgreSQL's
 * {@code simple} parser finds whole words; Chinese, Japanese, Thai and a few others do not, so their terms are found
 * as substrings instead.
 */
public final class Scripts {

    private Scripts() {
    }

    /** True when the term is written in a script without spaces between words. */
    public static boolean unsegmented(String term) {
        return term.codePoints().anyMatch(codePoint -> switch (Character.UnicodeScript.of(codePoint)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> true;
            default -> false;
        });
    }
}
