package org.iprharbor.deal.domain;

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
 * What deal-service knows of a catalog patent, kept from {@code harbor.patents.v1}: who owns it, whether
 * it can be dealt in, and its export-control class.
 */
@Entity
@Table(name = "known_patent")
public class KnownPatent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "publication_number", nullable = false)
    public String publicationNumber;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** AVAILABLE, RESERVED, TRANSFERRED, WITHDRAWN or EXPIRED, as the catalog says. */
    @Column(nullable = false)
    public String status;

    /** FREE, RESTRICTED or PROHIBITED. */
    @Column(name = "export_class", nullable = false)
    public String exportClass;

    @Column(nullable = false)
    public String jurisdiction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deal_types", nullable = false)
    public List<String> dealTypes;

    @Column(name = "catalog_version", nullable = false)
    public long catalogVersion;
}
