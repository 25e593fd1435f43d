package org.iprharbor.deal.domain;

import java.util.Set;
import java.util.UUID;

import org.iprharbor.kit.problem.ProblemException;

/**
 * What agreeing on a deal needs to know about its patent beyond the deal itself; the service reads it and
 * {@link Deal#accept} decides with it, so the aggregate stays the one place that says whether terms can be agreed.
 *
 * @param catalogStatus the patent's status as the catalog last said, null when the read model does not know it
 * @param heldByAnotherExclusiveDeal another assignment or exclusive licence on the patent is agreed and not yet over
 */
public record PatentAvailability(String catalogStatus, boolean heldByAnotherExclusiveDeal) {

    /** Catalog statuses in which the patent can no longer be dealt in at all. */
    private static final Set<String> GONE = Set.of("TRANSFERRED", "WITHDRAWN", "EXPIRED");

    /** The catalog no longer offers the patent; an unknown patent is not refused here (the offer was checked). */
    boolean gone() {
        return catalogStatus != null && GONE.contains(catalogStatus);
    }

    static ProblemException unavailable(UUID patentId, String catalogStatus) {
        return new ProblemException(409, "patent-unavailable", "Patent no longer available", "Patent " + patentId
                + " is " + catalogStatus + " in the catalog; the deal cannot be agreed.");
    }

    /** The 409 for a second exclusive deal on one patent, whether the aggregate or the unique index finds it. */
    public static ProblemException held(UUID patentId) {
        return new ProblemException(409, "patent-held", "Patent held by another deal", "Patent " + patentId
                + " is already held by another agreed assignment or exclusive licence; only one such deal per patent "
                + "may be agreed at a time. This deal stays in negotiation until that one ends.");
    }
}
