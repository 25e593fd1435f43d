package org.iprharbor.deal.catalog;

import java.util.UUID;

/**
 * The fields deal-service reads from a {@code harbor.partners.v1} payload (a tolerant reader: the rest is ignored).
 */
public record PartnerSnapshot(UUID partnerId, String legalName, String country, long version) {
}
