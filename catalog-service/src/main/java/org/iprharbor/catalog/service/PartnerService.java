package org.iprharbor.catalog.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.api.RegisterPartnerRequest;
import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.catalog.messaging.PartnerEvent;
import org.iprharbor.kit.outbox.Outbox;
import org.iprharbor.kit.problem.ProblemException;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Registers partners and publishes their changes through the outbox.
 */
@ApplicationScoped
public class PartnerService {

    private final Outbox outbox;

    PartnerService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Partner register(RegisterPartnerRequest request) {
        Partner partner = Partner.register(request.legalName().strip(),
                request.localNames() == null ? Map.of() : request.localNames(), request.kind(), request.country(),
                request.languages(), request.timeZone(), request.contactEmail().strip());
        partner.persist();
        outbox.append(CatalogTopics.PARTNERS, CatalogTopics.PARTNER_REGISTERED, partner.id, partner.version,
                PartnerEvent.of(partner));
        Log.infof("partner registered partnerId=%s country=%s kind=%s", partner.id, partner.country, partner.kind);
        return partner;
    }

    public Partner get(UUID id) {
        return Partner.<Partner>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No partner " + id + "."));
    }

    public List<Partner> list(String country, int page, int size) {
        return query(country).page(Page.of(page, size)).list();
    }

    public long count(String country) {
        return query(country).count();
    }

    private static io.quarkus.hibernate.orm.panache.PanacheQuery<Partner> query(String country) {
        Sort order = Sort.by("legalName").and("id");
        return country == null ? Partner.findAll(order) : Partner.find("country", order, country);
    }
}
