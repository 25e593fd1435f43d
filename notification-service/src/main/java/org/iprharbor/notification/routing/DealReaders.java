package org.iprharbor.notification.routing;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.iprharbor.notification.routing.DealNotifications.DealSnapshot;

/**
 * Which parties of a deal read a deal event: both, when their texts exist, except a reminder, which goes only to the
 * party the deadline names as responsible (the other party has nothing to do, and a missed deadline tells both).
 */
final class DealReaders {

    static final String BUYER = "buyer";
    static final String SELLER = "seller";
    static final String REMINDER = "deadline-approaching";

    private DealReaders() {
    }

    /** The sides ({@link #BUYER}, {@link #SELLER}) told of an event of {@code kind}; {@code hasText} tells a key's presence. */
    static List<String> sides(String kind, DealSnapshot deal, Predicate<String> hasText) {
        if (REMINDER.equals(kind)) {
            String responsible = deal.deadline() == null ? null : deal.deadline().responsible();
            return responsible == null ? List.of() : List.of(responsible.toLowerCase(Locale.ROOT));
        }
        return hasText.test(kind + "." + BUYER + ".subject") ? List.of(BUYER, SELLER) : List.of();
    }
}
