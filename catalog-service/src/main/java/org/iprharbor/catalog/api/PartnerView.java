package org.iprharbor.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.domain.PartnerKind;

/**
 * A partner as the API shows it; the contact email only to the partner itself and to operators.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(UUID id, String legalName, Map<String, String> localNames, PartnerKind kind, String country,
        List<String> languages, String timeZone, String contactEmail, Instant registeredAt, long version) {

    public static PartnerView of(Partner partner, boolean showContact) {
        return new PartnerView(partner.id, partner.legalName, partner.localNames, partner.kind, partner.country,
                partner.languages, partner.timeZone, showContact ? partner.contactEmail : null, partner.registeredAt,
                partner.version);
    }
}
