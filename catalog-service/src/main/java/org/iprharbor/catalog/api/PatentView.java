package org.iprharbor.catalog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.iprharbor.catalog.domain.DealType;
import org.iprharbor.catalog.domain.ExclusiveLicence;
import org.iprharbor.catalog.domain.ExportClass;
import org.iprharbor.catalog.domain.LegalStatus;
import org.iprharbor.catalog.domain.Money;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.domain.PatentStatus;

/**
 * A patent as the API shows it, with the exclusive licences that limit new exclusive deals by territory.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatentView(UUID id, String publicationNumber, UUID ownerId, Map<String, String> titles,
        Map<String, String> abstracts, List<String> ipcClasses, List<String> cpcClasses, String jurisdiction,
        List<String> familyCoverage, LocalDate filingDate, LocalDate grantDate, LocalDate expiryDate,
        LegalStatus legalStatus, ExportClass exportClass, List<DealType> dealTypes, Money askingPrice,
        List<String> targetTerritories, PatentStatus status, List<ExclusiveLicence> exclusiveLicences, Instant listedAt,
        long version) {

    public static PatentView of(Patent patent) {
        return new PatentView(patent.id, patent.publicationNumber, patent.ownerId, patent.titles, patent.abstracts,
                patent.ipcClasses, patent.cpcClasses, patent.jurisdiction, patent.familyCoverage, patent.filingDate,
                patent.grantDate, patent.expiryDate, patent.legalStatus, patent.exportClass, patent.dealTypes,
                patent.askingPrice, patent.targetTerritories, patent.status, patent.exclusiveLicences, patent.listedAt,
                patent.version);
    }
}
