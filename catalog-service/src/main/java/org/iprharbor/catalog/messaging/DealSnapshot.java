package org.iprharbor.catalog.messaging;

import java.util.List;
import java.util.UUID;

/**
 * The fields the catalog reads from a {@code harbor.deals.v1} payload (a tolerant reader).
 */
public record DealSnapshot(UUID dealId, UUID patentId, UUID buyerId, String dealType, Terms terms) {

    /** The deal's terms; only the territory matters to the catalog. */
    public record Terms(List<String> territory) {
    }

    public boolean exclusive() {
        return "ASSIGNMENT".equals(dealType) || "EXCLUSIVE_LICENCE".equals(dealType);
    }

    public List<String> territory() {
        return terms == null || terms.territory() == null ? List.of() : terms.territory();
    }
}
