package org.iprharbor.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.api.RegisterPartnerRequest;
import org.iprharbor.catalog.api.UpdatePartnerRequest;
import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.problem.Problem;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Registers and updates partners and publishes their changes through the outbox.
 */
@ApplicationScoped
public class PartnerService {

    private final CatalogEvents events;

    PartnerService(CatalogEvents events) {
        this.events = events;
    }

    @Transactional
    public Partner register(RegisterPartnerRequest request) {
        Partner partner = Partner.register(request.legalName().strip(),
                request.localNames() == null ? Map.of() : request.localNames(), request.kind(), request.country(),
                request.languages(), request.timeZone(), request.contactEmail().strip());
        partner.persist();
        events.partner(CatalogTopics.PARTNER_REGISTERED, partner);
        return partner;
    }

    @Transactional
    public Partner update(UUID id, Caller caller, String ifMatch, UpdatePartnerRequest request) {
        if (!caller.mayActFor(id)) {
            throw ProblemException.notFound("No partner " + id + " that you may change.");
        }
        Partner partner = get(id);
        ETags.check(ifMatch, partner.version, false);
        List<String> identity = request.identityFields();
        if (!caller.isOperator() && !identity.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only an operator may change a partner's legal identity: " + String.join(", ", identity),
                    identity.stream().map(field -> new Problem.FieldError(field, "only an operator may change it")).toList());
        }
        partner.legalName = request.legalName() != null ? request.legalName().strip() : partner.legalName;
        partner.localNames = request.localNames() != null ? Map.copyOf(request.localNames()) : partner.localNames;
        partner.kind = request.kind() != null ? request.kind() : partner.kind;
        partner.country = request.country() != null ? request.country() : partner.country;
        partner.languages = request.languages() != null ? List.copyOf(request.languages()) : partner.languages;
        partner.timeZone = request.timeZone() != null ? request.timeZone() : partner.timeZone;
        partner.contactEmail = request.contactEmail() != null ? request.contactEmail().strip() : partner.contactEmail;
        partner.updatedAt = Instant.now();
        events.partner(CatalogTopics.PARTNER_UPDATED, partner);
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

    private static PanacheQuery<Partner> query(String country) {
        Sort order = Sort.by("legalName").and("id");
        return country == null ? Partner.findAll(order) : Partner.find("country", order, country);
    }
}
