package org.iprharbor.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.api.ListPatentRequest;
import org.iprharbor.catalog.domain.IpcClass;
import org.iprharbor.catalog.domain.Money;
import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.domain.PatentStatus;
import org.iprharbor.catalog.domain.PublicationNumber;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.catalog.messaging.PatentEvent;
import org.iprharbor.kit.outbox.Outbox;
import org.iprharbor.kit.problem.ProblemException;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Lists patents for their owners and publishes their changes through the outbox.
 */
@ApplicationScoped
public class PatentService {

    private final Outbox outbox;

    PatentService(Outbox outbox) {
        this.outbox = outbox;
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
        if (request.grantDate() != null && request.grantDate().isBefore(request.filingDate())) {
            throw ProblemException.invalidField("grantDate", "must not be before filingDate");
        }
        Patent patent = new Patent();
        patent.id = UUID.randomUUID();
        patent.publicationNumber = publicationNumber;
        patent.ownerId = ownerId;
        patent.titles = Map.copyOf(request.titles());
        patent.abstracts = request.abstracts() == null ? Map.of() : Map.copyOf(request.abstracts());
        patent.ipcClasses = ipcClasses(request.ipcClasses());
        patent.cpcClasses = listOrEmpty(request.cpcClasses());
        patent.jurisdiction = request.jurisdiction();
        patent.familyCoverage = listOrEmpty(request.familyCoverage());
        patent.filingDate = request.filingDate();
        patent.grantDate = request.grantDate();
        patent.expiryDate = Patent.expiryOf(request.filingDate(), request.expiryDate());
        patent.legalStatus = request.legalStatus();
        patent.exportClass = request.exportClass();
        patent.dealTypes = List.copyOf(request.dealTypes());
        patent.askingPrice = request.askingPrice() == null ? null
                : new Money(request.askingPrice().amount(), request.askingPrice().currency());
        patent.targetTerritories = listOrEmpty(request.targetTerritories());
        patent.status = patent.expiryDate.isBefore(java.time.LocalDate.now()) ? PatentStatus.EXPIRED : PatentStatus.AVAILABLE;
        patent.listedAt = Instant.now();
        patent.updatedAt = patent.listedAt;
        patent.persist();
        outbox.append(CatalogTopics.PATENTS, CatalogTopics.PATENT_LISTED, patent.id, patent.version, PatentEvent.of(patent));
        Log.infof("patent listed patentId=%s publication=%s ownerId=%s", patent.id, patent.publicationNumber, ownerId);
        return patent;
    }

    public Patent get(UUID id) {
        return Patent.<Patent>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No patent " + id + "."));
    }

    public List<Patent> page(String jurisdiction, int page, int size) {
        Sort order = Sort.by("listedAt", Sort.Direction.Descending).and("id");
        var query = jurisdiction == null ? Patent.<Patent>findAll(order) : Patent.<Patent>find("jurisdiction", order, jurisdiction);
        return query.page(Page.of(page, size)).list();
    }

    public long count(String jurisdiction) {
        return jurisdiction == null ? Patent.count() : Patent.count("jurisdiction", jurisdiction);
    }

    private static List<String> ipcClasses(List<String> given) {
        return java.util.stream.IntStream.range(0, given.size())
                .mapToObj(i -> normalised("ipcClasses[" + i + "]", () -> IpcClass.parse(given.get(i)).toString()))
                .distinct().toList();
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    private static String normalised(String field, java.util.function.Supplier<String> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }
}
