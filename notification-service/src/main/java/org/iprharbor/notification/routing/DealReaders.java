package org.iprharbor.notification.routing;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.iprharbor.notification.routing.DealNotifications.DealSnapshot;

/**
 * Which parties of a deal read a deal event, and with which texts: both, when their texts exist, except a reminder,
 * which goes only to the party the deadline names as responsible (the other party has nothing to do, and a missed
 * deadline tells both); a deal whose contract takes effect on the export licence reads its signatures differently.
 */
final class DealReaders {

    static final String BUYER = "buyer";
    static final String SELLER = "seller";
    static final String REMINDER = "deadline-approaching";
    /** deal-service's exportRoute of restricted technology leaving its country: the contract takes effect on the licence. */
    private static final String ON_LICENCE = "REVIEW";

    private DealReaders() {
    }

    /**
     * The key prefix of the parties' texts for an event of {@code kind}: {@code <kind>.licence} when the deal's contract
     * takes effect on the export licence and such texts exist (signing means something else there), else {@code kind}.
     * An event without {@code exportRoute} (published before it existed) reads the general texts.
     */
    static String texts(String kind, DealSnapshot deal, Predicate<String> hasText) {
        String onLicence = kind + ".licence";
        return ON_LICENCE.equals(deal.exportRoute()) && hasText.test(onLicence + "." + BUYER + ".subject")
                ? onLicence : kind;
    }

    /** The sides ({@link #BUYER}, {@link #SELLER}) told of an event read with {@code texts}; {@code hasText} tells a key's presence. */
    static List<String> sides(String texts, DealSnapshot deal, Predicate<String> hasText) {
        if (REMINDER.equals(texts)) {
            String responsible = deal.deadline() == null ? null : deal.deadline().responsible();
            return responsible == null ? List.of() : List.of(responsible.toLowerCase(Locale.ROOT));
        }
        return hasText.test(texts + "." + BUYER + ".subject") ? List.of(BUYER, SELLER) : List.of();
    }
}
