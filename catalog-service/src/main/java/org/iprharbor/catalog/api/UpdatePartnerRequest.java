package org.iprharbor.catalog.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.iprharbor.catalog.domain.PartnerKind;
import org.iprharbor.kit.validation.CountryCode;
import org.iprharbor.kit.validation.LanguageTag;
import org.iprharbor.kit.validation.TimeZoneId;

/**
 * Body of {@code PATCH /partners/{id}}: only the fields given change. A partner may change its contact
 * email, languages and time zone; the legal identity (names, kind, country) only an operator.
 */
public record UpdatePartnerRequest(
        @Size(min = 1, max = 300) String legalName,
        Map<@LanguageTag String, @NotBlank @Size(max = 300) String> localNames,
        PartnerKind kind,
        @CountryCode String country,
        @Size(min = 1, max = 10) List<@NotNull @LanguageTag String> languages,
        @TimeZoneId String timeZone,
        @Email @Size(max = 254) String contactEmail) {

    /** The fields only an operator may change, among those this request sets. */
    public List<String> identityFields() {
        List<String> fields = new java.util.ArrayList<>();
        if (legalName != null) {
            fields.add("legalName");
        }
        if (localNames != null) {
            fields.add("localNames");
        }
        if (kind != null) {
            fields.add("kind");
        }
        if (country != null) {
            fields.add("country");
        }
        return fields;
    }
}
