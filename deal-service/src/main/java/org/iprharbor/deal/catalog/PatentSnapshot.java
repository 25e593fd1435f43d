package org.iprharbor.deal.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The fields deal-service reads from a {@code harbor.patents.v1} payload.
 */
public record PatentSnapshot(UUID patentId, String publicationNumber, UUID ownerId, String status, String exportClass,
        String jurisdiction, List<String> dealTypes, long version) {
}
