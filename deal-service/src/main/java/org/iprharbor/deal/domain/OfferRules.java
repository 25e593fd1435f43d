package org.iprharbor.deal.domain;

import java.time.Instant;

import org.iprharbor.kit.problem.ProblemException;

/**
 * The rules an offer and every counter-offer must meet, whatever the read model says.
 */
final class OfferRules {

    private OfferRules() {
    }

    static void checkOpening(DealParties parties, DealType dealType, Terms terms, Instant validUntil, Instant now) {
        if (parties.buyerId().equals(parties.sellerId())) {
            throw ProblemException.unprocessable("A partner cannot buy its own patent: partner " + parties.buyerId()
                    + " owns patent " + parties.patentId() + ".");
        }
        ExportRoute route = ExportRoute.of(parties.buyerCountry(), parties.patentJurisdiction(), parties.exportClass());
        if (route == ExportRoute.PROHIBITED) {
            throw new ProblemException(422, "export-prohibited", "Export prohibited", "Patent " + parties.patentId()
                    + " covers PROHIBITED technology (" + parties.patentJurisdiction() + "); it cannot be offered to a buyer in "
                    + parties.buyerCountry() + ".");
        }
        checkTerms(dealType, terms);
        checkValidUntil(validUntil, now);
    }

    static void checkTerms(DealType dealType, Terms terms) {
        if (dealType.isLicence() && terms.termYears() == null) {
            throw ProblemException.invalidField("terms.termYears", "is required for a licence (1 to 50 years)");
        }
    }

    static void checkValidUntil(Instant validUntil, Instant now) {
        if (!validUntil.isAfter(now)) {
            throw ProblemException.invalidField("validUntil", "must be in the future");
        }
    }
}
