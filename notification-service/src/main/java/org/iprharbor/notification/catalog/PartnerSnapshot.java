package org.iprharbor.notification.catalog;

import java.util.List;
import java.util.UUID;

/**
 * The fields notification-service reads from a {@code harbor.partners.v1} payload (a tolerant reader).
 */
public record PartnerSnapshot(UUID partnerId, String legalName, String country, List<String> languages,
        String timeZone, String contactEmail, long version) {

    boolean complete() {
        return partnerId != null && legalName != null && country != null && languages != null && !languages.isEmpty()
                && timeZone != null && contactEmail != null;
    }
}
