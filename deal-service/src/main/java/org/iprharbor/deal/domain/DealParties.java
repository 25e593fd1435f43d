package org.iprharbor.deal.domain;

import java.util.UUID;

/**
 * Who deals over which patent, with what the export-control decision needs, as known when the offer is made.
 */
public record DealParties(UUID patentId, UUID buyerId, String buyerCountry, UUID sellerId, String sellerCountry,
        String patentJurisdiction, ExportClass exportClass) {
}
