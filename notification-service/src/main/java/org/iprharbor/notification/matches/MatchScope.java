package org.iprharbor.notification.matches;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iprharbor.notification.domain.PartnerContact;

/**
 * What a webhook subscription's filters mean for a match. Countries: the two parties' countries (as far as their
 * contact data has arrived) and the territories the match names (where the patent is in force or offered among the
 * need's territories). Deal types: those both the need and the patent name (the DEAL_TYPE reason); a match naming
 * none reaches only subscriptions without a deal-type filter.
 */
final class MatchScope {

    private MatchScope() {
    }

    static Set<String> countries(MatchFound match) {
        Set<String> countries = new HashSet<>(valuesOf(match, "TERRITORY_COVERED", "TERRITORY_TARGETED"));
        for (Party party : Party.values()) {
            PartnerContact contact = PartnerContact.findById(party.partnerOf(match));
            if (contact != null) {
                countries.add(contact.country);
            }
        }
        return countries;
    }

    static Set<String> dealTypes(MatchFound match) {
        return valuesOf(match, "DEAL_TYPE");
    }

    private static Set<String> valuesOf(MatchFound match, String... kinds) {
        Set<String> values = new HashSet<>();
        List<String> wanted = List.of(kinds);
        match.reasonsOrNone().stream().filter(reason -> wanted.contains(reason.kind()) && reason.values() != null)
                .forEach(reason -> values.addAll(reason.values()));
        return values;
    }
}
