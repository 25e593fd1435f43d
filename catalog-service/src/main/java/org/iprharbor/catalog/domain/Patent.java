package org.iprharbor.catalog.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
 * A patent listed for licensing or sale by its owner partner.
 */
@Entity
@Table(name = "patent")
public class Patent extends PanacheEntityBase {

    /** Protection lasts 20 years from filing where the owner gives no expiry date. */
    public static final int TERM_YEARS = 20;

    @Id
    public UUID id;

    /** DOCDB form, unique: {@code CN-114123456-A}. */
    @Column(name = "publication_number", nullable = false, unique = true)
    public String publicationNumber;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** Titles keyed by BCP 47 language tag. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> titles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> abstracts;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ipc_classes", nullable = false)
    public List<String> ipcClasses;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cpc_classes", nullable = false)
    public List<String> cpcClasses;

    /** ISO 3166-1 alpha-2 of the granting office (EP, EA and WO as regional codes). */
    @Column(nullable = false)
    public String jurisdiction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "family_coverage", nullable = false)
    public List<String> familyCoverage;

    @Column(name = "filing_date", nullable = false)
    public LocalDate filingDate;

    @Column(name = "grant_date")
    public LocalDate grantDate;

    @Column(name = "expiry_date", nullable = false)
    public LocalDate expiryDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_status", nullable = false)
    public LegalStatus legalStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "export_class", nullable = false)
    public ExportClass exportClass;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "deal_types", nullable = false)
    public List<DealType> dealTypes;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amount", column = @Column(name = "asking_price_amount")),
            @AttributeOverride(name = "currency", column = @Column(name = "asking_price_currency"))
    })
    public Money askingPrice;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_territories", nullable = false)
    public List<String> targetTerritories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PatentStatus status;

    @Column(name = "listed_at", nullable = false)
    public Instant listedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Expiry as given, or filing date plus the 20-year term. */
    public static LocalDate expiryOf(LocalDate filingDate, LocalDate givenExpiry) {
        return givenExpiry != null ? givenExpiry : filingDate.plusYears(TERM_YEARS);
    }
}
