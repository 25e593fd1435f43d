package org.iprharbor.notification.matches;

import java.util.UUID;

/** The two parties a match is told to, and the part of the text keys that speaks to each. */
public enum Party {

    /** The partner that posted the need: a patent fits it. */
    NEED_OWNER("need-owner"),
    /** The owner of the patent: someone needs it. */
    PATENT_OWNER("patent-owner");

    private final String textKey;

    Party(String textKey) {
        this.textKey = textKey;
    }

    String textKey() {
        return textKey;
    }

    UUID partnerOf(MatchFound match) {
        return this == NEED_OWNER ? match.needOwnerId() : match.patentOwnerId();
    }
}
