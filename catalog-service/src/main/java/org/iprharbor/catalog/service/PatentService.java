package org.iprharbor.catalog.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.api.ListPatentRequest;
import org.iprharbor.catalog.api.UpdatePatentRequest;
import org.iprharbor.catalog.domain.IpcClass;
import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.domain.PatentStatus;
import org.iprharbor.catalog.domain.PublicationNumber;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;

/**
 * Lists, changes and withdraws patents for their owners; every change, its event and the matches it finds
 * commit together.
 */
@ApplicationScoped
public class PatentService {

    private final CatalogEvents events;
    private final Matching matching;

    PatentService(CatalogEvents events, Matching matching) {
        this.events = events;
        this.matching = matching;
    }

    @Transactional
    public Patent list(UUID ownerId, ListPatentRequest request) {
        if (Partner.findById(ownerId) == null) {
            throw ProblemException.unprocessable("The caller " + ownerId + " is not a registered partner; "
                    + "an operator registers partners first.");
        }
        String publicationNumber = normalised("publicationNumber", () -> PublicationNumber.parse(request.publicationNumber()).toString());
        if (Patent.count("publicationNumber", publicationNumber) > 0) {
            throw ProblemException.conflict("Patent " + publicationNumber + " is listed already.");
        }
        requireDatesInOrder(request.filingDate(), request.grantDate(), request.expiryDate());
        Patent patent = new Patent();
        patent.id = UUID.randomUUID();
        patent.publicationNumber = publicationNumber;
        patent.ownerId = ownerId;
        patent.describe(request.titles(), orEmpty(request.abstracts()));
        patent.classify(ipcClasses(request.ipcClasses()));
        patent.cpcClasses = orEmpty(request.cpcClasses());
        patent.jurisdiction = request.jurisdiction();
        patent.familyCoverage = orEmpty(request.familyCoverage());
        patent.filingDate = request.filingDate();
        patent.grantDate = request.grantDate();
        patent.expiryDate = Patent.expiryOf(request.filingDate(), request.expiryDate());
        patent.legalStatus = request.legalStatus();
        patent.exportClass = request.exportClass();
        patent.dealTypes = List.copyOf(request.dealTypes());
        patent.askingPrice = ListPatentRequest.Price.money(request.askingPrice());
        patent.targetTerritories = orEmpty(request.targetTerritories());
        patent.exclusiveLicences = List.of();
        patent.status = patent.expiryDate.isBefore(LocalDate.now()) ? PatentStatus.EXPIRED : PatentStatus.AVAILABLE;
        patent.listedAt = Instant.now();
        patent.updatedAt = patent.listedAt;
        patent.persist();
        events.patent(CatalogTopics.PATENT_LISTED, patent);
        matching.patentChanged(patent);
        return patent;
    }

    @Transactional
    public Patent update(UUID id, Caller caller, String ifMatch, UpdatePatentRequest request) {
        Patent patent = visible(id, caller);
        if (!patent.ownerId.equals(caller.id())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only the owner of " + patent.publicationNumber
                    + " may change it.");
        }
        ETags.check(ifMatch, patent.version, true);
        patent.requireEditable();
        if (request.titles() != null || request.abstracts() != null) {
            patent.describe(request.titles() != null ? request.titles() : patent.titles,
                    request.abstracts() != null ? request.abstracts() : patent.abstracts);
        }
        if (request.ipcClasses() != null) {
            patent.classify(ipcClasses(request.ipcClasses()));
        }
        patent.cpcClasses = request.cpcClasses() != null ? List.copyOf(request.cpcClasses()) : patent.cpcClasses;
        patent.familyCoverage = request.familyCoverage() != null ? List.copyOf(request.familyCoverage()) : patent.familyCoverage;
        patent.grantDate = request.grantDate() != null ? request.grantDate() : patent.grantDate;
        patent.expiryDate = request.expiryDate() != null ? request.expiryDate() : patent.expiryDate;
        requireDatesInOrder(patent.filingDate, patent.grantDate, patent.expiryDate);
        patent.legalStatus = request.legalStatus() != null ? request.legalStatus() : patent.legalStatus;
        patent.exportClass = request.exportClass() != null ? request.exportClass() : patent.exportClass;
        patent.dealTypes = request.dealTypes() != null ? List.copyOf(request.dealTypes()) : patent.dealTypes;
        patent.askingPrice = request.askingPrice() != null ? ListPatentRequest.Price.money(request.askingPrice()) : patent.askingPrice;
        patent.targetTerritories = request.targetTerritories() != null ? List.copyOf(request.targetTerritories()) : patent.targetTerritories;
        patent.updatedAt = Instant.now();
        events.patent(CatalogTopics.PATENT_UPDATED, patent);
        matching.patentChanged(patent);
        return patent;
    }

    @Transactional
    public Patent withdraw(UUID id, Caller caller, String ifMatch) {
        Patent patent = visible(id, caller);
        if (!caller.mayActFor(patent.ownerId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only the owner of " + patent.publicationNumber
                    + " or an operator may withdraw it.");
        }
        ETags.check(ifMatch, patent.version, false);
        patent.withdraw();
        patent.updatedAt = Instant.now();
        events.patent(CatalogTopics.PATENT_WITHDRAWN, patent);
        matching.patentChanged(patent);
        return patent;
    }

    /** A withdrawn listing is visible only to its owner and operators; to others it does not exist. */
    public Patent visible(UUID id, Caller caller) {
        return Patent.<Patent>findByIdOptional(id)
                .filter(patent -> patent.status != PatentStatus.WITHDRAWN || caller.mayActFor(patent.ownerId))
                .orElseThrow(() -> ProblemException.notFound("No patent " + id + "."));
    }

    /** The patent, if the caller owns it or is an operator: what its matches are for. */
    public Patent owned(UUID id, Caller caller) {
        return Patent.<Patent>findByIdOptional(id).filter(patent -> caller.mayActFor(patent.ownerId))
                .orElseThrow(() -> ProblemException.notFound("No patent " + id + "."));
    }

    private static void requireDatesInOrder(LocalDate filing, LocalDate grant, LocalDate expiry) {
        if (grant != null && grant.isBefore(filing)) {
            throw ProblemException.invalidField("grantDate", "must not be before filingDate " + filing);
        }
        if (expiry != null && !expiry.isAfter(filing)) {
            throw ProblemException.invalidField("expiryDate", "must be after filingDate " + filing);
        }
    }

    private static List<IpcClass> ipcClasses(List<String> given) {
        return IntStream.range(0, given.size())
                .mapToObj(i -> normalised("ipcClasses[" + i + "]", () -> IpcClass.parse(given.get(i))))
                .toList();
    }


    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static Map<String, String> orEmpty(Map<String, String> values) {
        return values == null ? Map.of() : values;
    }

    private static <T> T normalised(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }
}
