package org.iprharbor.deal.persistence;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.DealType;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.deal.domain.PatentAvailability;

/**
 * Reads what {@link Deal#accept} needs to know of a deal's patent: the catalog's status in the read model and
 * whether another exclusive deal holds the patent. Call it before the deal changes, so the queries' auto-flush
 * writes nothing early; the partial unique index on deal still decides when two accepts race.
 */
@ApplicationScoped
public class PatentAvailabilityQuery {

    private static final List<DealType> EXCLUSIVE = Arrays.stream(DealType.values()).filter(DealType::isExclusive)
            .toList();

    public PatentAvailability of(Deal deal) {
        KnownPatent patent = KnownPatent.findById(deal.patentId());
        boolean held = Deal.count("patentId = ?1 and id <> ?2 and dealType in ?3 and state in ?4", deal.patentId(),
                deal.id(), EXCLUSIVE, DealState.HOLDING_PATENT) > 0;
        return new PatentAvailability(patent == null ? null : patent.status, held);
    }
}
