package org.iprharbor.notification.domain;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * How to reach a partner and in which language, kept from {@code harbor.partners.v1}.
 */
@Entity
@Table(name = "partner_contact")
public class PartnerContact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false)
    public String country;

    /** BCP 47 tags, most preferred first: the first one with templates wins, English otherwise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> languages;

    /** IANA zone in which dates are shown to this partner. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String email;

    /** The catalog's version of the partner this row reflects; older events never overwrite it. */
    @Column(name = "catalog_version", nullable = false)
    public long catalogVersion;
}
