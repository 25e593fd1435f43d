package org.iprharbor.catalog.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.domain.PartnerKind;

/**
 * Payload of every event on {@code harbor.partners.v1}: the whole partner, so consumers keep a read model
 * without calling the catalog.
 */
public record PartnerEvent(UUID partnerId, String legalName, Map<String, String> localNames, PartnerKind kind,
        String country, List<String> languages, String timeZone, String contactEmail, Instant registeredAt,
        Instant updatedAt, long version) {

    public static PartnerEvent of(Partner partner) {
        return new PartnerEvent(partner.id, partner.legalName, partner.localNames, partner.kind, partner.country,
                partner.languages, partner.timeZone, partner.contactEmail, partner.registeredAt, partner.updatedAt,
                partner.version);
    }
}
