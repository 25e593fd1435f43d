package org.iprharbor.catalog.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExclusiveLicence;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.LegalStatus;
import org.iprharbor.catalog.domain.Money;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.domain.PatentStatus;

/**
 * Payload of every event on {@code harbor.patents.v1}: the whole patent with its version.
 */
public record PatentEvent(UUID patentId, String publicationNumber, UUID ownerId, Map<String, String> titles,
        Map<String, String> abstracts, List<String> ipcClasses, List<String> cpcClasses, String jurisdiction,
        List<String> familyCoverage, LocalDate filingDate, LocalDate grantDate, LocalDate expiryDate,
        LegalStatus legalStatus, ExportClass exportClass, List<DealType> dealTypes, Money askingPrice,
        List<String> targetTerritories, PatentStatus status, UUID reservedByDeal,
        List<ExclusiveLicence> exclusiveLicences, Instant listedAt, Instant updatedAt, long version) {

    public static PatentEvent of(Patent patent) {
        return new PatentEvent(patent.id, patent.publicationNumber, patent.ownerId, patent.titles, patent.abstracts,
                patent.ipcClasses, patent.cpcClasses, patent.jurisdiction, patent.familyCoverage, patent.filingDate,
                patent.grantDate, patent.expiryDate, patent.legalStatus, patent.exportClass, patent.dealTypes,
                patent.askingPrice, patent.targetTerritories, patent.status, patent.reservedByDeal,
                patent.exclusiveLicences, patent.listedAt, patent.updatedAt, patent.version);
    }
}
