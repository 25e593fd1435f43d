package org.iprharbor.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An organisation that lists patents or buys them: a university, company, institute or tech-transfer office.
 */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    /** The legal name in other scripts, keyed by BCP 47 language tag (e.g. zh: 兰州大学). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "local_names", nullable = false)
    public Map<String, String> localNames;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerKind kind;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false)
    public String country;

    /** BCP 47 tags, most preferred first. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages;

    /** IANA zone, for dates in notifications. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Partner register(String legalName, Map<String, String> localNames, PartnerKind kind, String country,
            List<String> languages, String timeZone, String contactEmail) {
        Partner partner = new Partner();
        partner.id = UUID.randomUUID();
        partner.legalName = legalName;
        partner.localNames = Map.copyOf(localNames);
        partner.kind = kind;
        partner.country = country;
        partner.languages = List.copyOf(languages);
        partner.timeZone = timeZone;
        partner.contactEmail = contactEmail;
        partner.registeredAt = Instant.now();
        partner.updatedAt = partner.registeredAt;
        return partner;
    }
}
