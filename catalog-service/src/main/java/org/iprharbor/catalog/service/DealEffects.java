package org.iprharbor.catalog.service;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.catalog.messaging.DealSnapshot;
import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;

import io.quarkus.logging.Log;

/**
 * What deals do to the catalog (choreography): an agreed assignment or exclusive licence reserves the
 * patent, a deal that ends without completing releases it, a completed assignment transfers it to the
 * buyer, and a completed exclusive licence is recorded against its territory. Each event applies once.
 */
@ApplicationScoped
public class DealEffects {

    static final String CONSUMER = "catalog-service.deal-effects";
    private static final String PREFIX = "org.iprharbor.deal.";

    private final Inbox inbox;
    private final EventPayloads payloads;
    private final CatalogEvents events;

    DealEffects(Inbox inbox, EventPayloads payloads, CatalogEvents events) {
        this.inbox = inbox;
        this.payloads = payloads;
        this.events = events;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        DealSnapshot deal = payloads.read(event, DealSnapshot.class);
        if (deal.dealId() == null || deal.patentId() == null || deal.dealType() == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks dealId, patentId or dealType");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String name = event.type().startsWith(PREFIX) ? event.type().substring(PREFIX.length()) : event.type();
        if (!affectsCatalog(name, deal)) {
            return;
        }
        Patent patent = Patent.findById(deal.patentId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (patent == null) {
            throw new PoisonEventException("deal " + deal.dealId() + " names patent " + deal.patentId()
                    + ", which the catalog does not know");
        }
        LocalDate today = LocalDate.now();
        String effect = switch (name) {
            case "offer-accepted.v1" -> patent.reserve(deal.dealId()) ? CatalogTopics.PATENT_RESERVED : null;
            // export-intent-requested: a deal agreed before the export procedure went back to the authority's review
            case "deal-cancelled.v1", "deal-expired.v1", "deal-withdrawn.v1", "offer-rejected.v1", "export-denied.v1",
                    "export-intent-requested.v1", "export-intent-refused.v1" ->
                    patent.release(deal.dealId(), today) ? CatalogTopics.PATENT_RELEASED : null;
            case "deal-completed.v1" -> "ASSIGNMENT".equals(deal.dealType())
                    ? (patent.transfer(deal.buyerId()) ? CatalogTopics.PATENT_TRANSFERRED : null)
                    : (patent.grantExclusiveLicence(deal.dealId(), deal.buyerId(), deal.territory(), today)
                            ? CatalogTopics.PATENT_RELEASED : null);
            default -> null;
        };
        if (effect == null) {
            Log.infof("deal event changes nothing eventId=%s type=%s dealId=%s patentId=%s status=%s reservedBy=%s",
                    event.id(), name, deal.dealId(), patent.id, patent.status, patent.reservedByDeal);
            return;
        }
        patent.updatedAt = Instant.now();
        events.patent(effect, patent);
    }

    /** Only assignments and exclusive licences reserve, release or transfer a patent. */
    private static boolean affectsCatalog(String name, DealSnapshot deal) {
        return deal.exclusive() && switch (name) {
            case "offer-accepted.v1", "deal-cancelled.v1", "deal-expired.v1", "deal-withdrawn.v1", "offer-rejected.v1",
                    "export-denied.v1", "export-intent-requested.v1", "export-intent-refused.v1", "deal-completed.v1" -> true;
            default -> false;
        };
    }
}
