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

import org.iprharbor.kit.problem.ProblemException;

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

    /** Titles, abstracts and publication number in one text, indexed for full-text and trigram search. */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** Every level of every IPC symbol (H, H01, H01M, H01M 10, H01M 10/0525), for indexed prefix search. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ipc_prefixes", nullable = false)
    public List<String> ipcPrefixes;

    /** The agreed assignment or exclusive-licence deal holding the reservation, while RESERVED. */
    @Column(name = "reserved_by_deal")
    public UUID reservedByDeal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "exclusive_licences", nullable = false)
    public List<ExclusiveLicence> exclusiveLicences;

    @Version
    public long version;

    /** Sets titles and abstracts and the text search runs over. */
    public void describe(Map<String, String> newTitles, Map<String, String> newAbstracts) {
        titles = Map.copyOf(newTitles);
        abstracts = Map.copyOf(newAbstracts);
        searchText = String.join("\n", publicationNumber, String.join("\n", titles.values()),
                String.join("\n", abstracts.values()));
    }

    /** Sets the IPC symbols and the prefixes they are found by. */
    public void classify(List<IpcClass> classes) {
        ipcClasses = classes.stream().map(IpcClass::toString).distinct().toList();
        ipcPrefixes = classes.stream().flatMap(ipc -> ipc.prefixes().stream()).distinct().toList();
    }

    /** The owner or an operator takes the listing down; not while a deal holds it. */
    public void withdraw() {
        switch (status) {
            case RESERVED -> throw ProblemException.conflict("Patent " + publicationNumber
                    + " is reserved by agreed deal " + reservedByDeal + " and cannot be withdrawn until that deal ends.");
            case WITHDRAWN -> throw ProblemException.conflict("Patent " + publicationNumber + " is withdrawn already.");
            case TRANSFERRED -> throw ProblemException.conflict("Patent " + publicationNumber
                    + " was transferred to its new owner and is no longer this listing's to withdraw.");
            default -> status = PatentStatus.WITHDRAWN;
        }
    }

    /** Rejects changes to a listing that has left the market. */
    public void requireEditable() {
        if (status == PatentStatus.WITHDRAWN || status == PatentStatus.TRANSFERRED) {
            throw ProblemException.conflict("Patent " + publicationNumber + " is " + status + " and can no longer be changed.");
        }
    }

    /** An assignment or exclusive licence was agreed; false if the patent was not available for it. */
    public boolean reserve(UUID dealId) {
        if (status != PatentStatus.AVAILABLE) {
            return false;
        }
        status = PatentStatus.RESERVED;
        reservedByDeal = dealId;
        return true;
    }

    /** The reserving deal ended without completing; false if this deal held no reservation. */
    public boolean release(UUID dealId, LocalDate today) {
        if (status != PatentStatus.RESERVED || !dealId.equals(reservedByDeal)) {
            return false;
        }
        reservedByDeal = null;
        status = expiryDate.isBefore(today) ? PatentStatus.EXPIRED : PatentStatus.AVAILABLE;
        return true;
    }

    /** A completed assignment: the buyer owns the patent now. False if it was transferred already. */
    public boolean transfer(UUID buyerId) {
        if (status == PatentStatus.TRANSFERRED) {
            return false;
        }
        ownerId = buyerId;
        status = PatentStatus.TRANSFERRED;
        reservedByDeal = null;
        return true;
    }

    /** A completed exclusive licence: recorded, and the listing is available for other, non-overlapping deals. */
    public boolean grantExclusiveLicence(UUID dealId, UUID licenseeId, List<String> territory, LocalDate today) {
        if (exclusiveLicences.stream().anyMatch(licence -> licence.dealId().equals(dealId))) {
            return false;
        }
        List<ExclusiveLicence> licences = new java.util.ArrayList<>(exclusiveLicences);
        licences.add(new ExclusiveLicence(dealId, licenseeId, List.copyOf(territory)));
        exclusiveLicences = List.copyOf(licences);
        release(dealId, today);
        return true;
    }

    /** Past its expiry date, an available listing can no longer be dealt in. */
    public boolean expireIfDue(LocalDate today) {
        if (status != PatentStatus.AVAILABLE || !expiryDate.isBefore(today)) {
            return false;
        }
        status = PatentStatus.EXPIRED;
        return true;
    }

    /** Expiry as given, or filing date plus the 20-year term. */
    public static LocalDate expiryOf(LocalDate filingDate, LocalDate givenExpiry) {
        return givenExpiry != null ? givenExpiry : filingDate.plusYears(TERM_YEARS);
    }
}
