package org.iprharbor.deal.domain;

/**
 * What export control a signed deal goes through, from the buyer's country, the patent's jurisdiction and
 * the technology's export class.
 */
public enum ExportRoute {
    /** Buyer in the patent's country: no export, no review. */
    DOMESTIC,
    /** Cross-border, freely exportable: cleared at once with a contract-registration record. */
    REGISTRATION,
    /** Cross-border, restricted: an operator decides (EXPORT_REVIEW). */
    REVIEW,
    /** Cross-border, prohibited: cannot even be offered. */
    PROHIBITED;

    public static ExportRoute of(String buyerCountry, String patentJurisdiction, ExportClass exportClass) {
        if (buyerCountry.equals(patentJurisdiction)) {
            return DOMESTIC;
        }
        return switch (exportClass) {
            case FREE -> REGISTRATION;
            case RESTRICTED -> REVIEW;
            case PROHIBITED -> PROHIBITED;
        };
    }
}
