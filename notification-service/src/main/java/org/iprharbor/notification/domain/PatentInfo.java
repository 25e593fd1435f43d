package org.iprharbor.notification.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.iprharbor.notification.localisation.Titles;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What notification-service knows of a patent, kept from {@code harbor.patents.v1}: its titles in every
 * language (so a message names it in the reader's language) and what alerts match on.
 */
@Entity
@Table(name = "patent_info")
public class PatentInfo extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "publication_number", nullable = false)
    public String publicationNumber;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> titles;

    @Column(nullable = false)
    public String jurisdiction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ipc_classes", nullable = false)
    public List<String> ipcClasses;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deal_types", nullable = false)
    public List<String> dealTypes;

    @Column(name = "catalog_version", nullable = false)
    public long catalogVersion;

    /** The title in the first of the languages that has one, else English, else the publication number. */
    public String titleFor(List<String> languages) {
        return Titles.pick(titles, languages, publicationNumber);
    }
}
