package org.iprharbor.deal.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What deal-service knows of a catalog partner, kept from {@code harbor.partners.v1}: enough to decide
 * whether a deal crosses a border.
 */
@Entity
@Table(name = "known_partner")
public class KnownPartner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    /** ISO 3166-1 alpha-2. */
    @Column(nullable = false)
    public String country;

    /** The catalog's version of the partner this row reflects; older events never overwrite it. */
    @Column(name = "catalog_version", nullable = false)
    public long catalogVersion;
}
