package org.iprharbor.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.api.ListPatentRequest;
import org.iprharbor.catalog.api.PostNeedRequest;
import org.iprharbor.catalog.api.UpdateNeedRequest;
import org.iprharbor.catalog.domain.IpcClass;
import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedStatus;
import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;

/**
 * Posts, changes and closes technology needs for their owners; every change, its event and the matches it finds
 * commit together.
 */
@ApplicationScoped
public class NeedService {

    private final CatalogEvents events;
    private final Matching matching;

    NeedService(CatalogEvents events, Matching matching) {
        this.events = events;
        this.matching = matching;
    }

    @Transactional
    public Need post(UUID ownerId, PostNeedRequest request) {
        if (Partner.findById(ownerId) == null) {
            throw ProblemException.unprocessable("The caller " + ownerId + " is not a registered partner; "
                    + "an operator registers partners first.");
        }
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.ownerId = ownerId;
        need.describe(request.titles(), request.descriptions(), request.keywords());
        need.classify(ipcPrefixes(request.ipcClasses() == null ? List.of() : request.ipcClasses()));
        need.territories = List.copyOf(request.territories());
        need.dealTypes = List.copyOf(request.dealTypes());
        need.budget = ListPatentRequest.Price.money(request.budget());
        need.validUntil = request.validUntil();
        need.status = NeedStatus.OPEN;
        need.postedAt = Instant.now();
        need.updatedAt = need.postedAt;
        need.persist();
        events.need(CatalogTopics.NEED_POSTED, need);
        matching.needChanged(need);
        return need;
    }

    @Transactional
    public Need update(UUID id, Caller caller, String ifMatch, UpdateNeedRequest request) {
        Need need = visible(id, caller);
        if (!need.ownerId.equals(caller.id())) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only the owner of need " + id + " may change it.");
        }
        ETags.check(ifMatch, need.version, true);
        need.requireOpen();
        if (request.titles() != null || request.descriptions() != null || request.keywords() != null) {
            need.describe(request.titles() != null ? request.titles() : need.titles,
                    request.descriptions() != null ? request.descriptions() : need.descriptions,
                    request.keywords() != null ? request.keywords() : need.keywords);
        }
        if (request.ipcClasses() != null) {
            need.classify(ipcPrefixes(request.ipcClasses()));
        }
        need.territories = request.territories() != null ? List.copyOf(request.territories()) : need.territories;
        need.dealTypes = request.dealTypes() != null ? List.copyOf(request.dealTypes()) : need.dealTypes;
        need.budget = request.budget() != null ? ListPatentRequest.Price.money(request.budget()) : need.budget;
        need.validUntil = request.validUntil() != null ? request.validUntil() : need.validUntil;
        need.updatedAt = Instant.now();
        events.need(CatalogTopics.NEED_UPDATED, need);
        matching.needChanged(need);
        return need;
    }

    @Transactional
    public Need close(UUID id, Caller caller, String ifMatch) {
        Need need = visible(id, caller);
        if (!caller.mayActFor(need.ownerId)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only the owner of need " + id + " or an operator may close it.");
        }
        ETags.check(ifMatch, need.version, false);
        need.close();
        need.updatedAt = Instant.now();
        events.need(CatalogTopics.NEED_CLOSED, need);
        matching.needChanged(need);
        return need;
    }

    /** Open needs are public; a closed one is visible only to its owner and operators, to others it does not exist. */
    public Need visible(UUID id, Caller caller) {
        return Need.<Need>findByIdOptional(id)
                .filter(need -> need.status != NeedStatus.CLOSED || caller.mayActFor(need.ownerId))
                .orElseThrow(() -> ProblemException.notFound("No need " + id + "."));
    }

    /** The need, if the caller owns it or is an operator: what its matches and budget are for. */
    public Need owned(UUID id, Caller caller) {
        return Need.<Need>findByIdOptional(id).filter(need -> caller.mayActFor(need.ownerId))
                .orElseThrow(() -> ProblemException.notFound("No need " + id + "."));
    }

    private static List<String> ipcPrefixes(List<String> given) {
        return IntStream.range(0, given.size()).mapToObj(i -> {
            try {
                return IpcClass.normaliseSubclassOrBelow(given.get(i));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("ipcClasses[" + i + "]", e.getMessage());
            }
        }).toList();
    }

}
