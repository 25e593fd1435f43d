package org.iprharbor.deal.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.KnownPartner;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;

import io.quarkus.logging.Log;

/**
 * Applies catalog events to deal-service's read model: each event once (inbox), and never an older
 * version over a newer one (events of one aggregate may arrive again after a rebalance or a redrive).
 */
@ApplicationScoped
public class CatalogReadModel {

    static final String CONSUMER = "deal-service.catalog-read-model";

    private final Inbox inbox;
    private final EventPayloads payloads;

    CatalogReadModel(Inbox inbox, EventPayloads payloads) {
        this.inbox = inbox;
        this.payloads = payloads;
    }

    @Transactional
    public void applyPartnerEvent(IncomingEvent event) {
        PartnerSnapshot snapshot = payloads.read(event, PartnerSnapshot.class);
        requireComplete(event, snapshot.partnerId() != null && snapshot.country() != null && snapshot.legalName() != null);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            Log.debugf("duplicate event skipped eventId=%s", event.id());
            return;
        }
        KnownPartner partner = KnownPartner.findById(snapshot.partnerId());
        if (partner == null) {
            partner = new KnownPartner();
            partner.id = snapshot.partnerId();
        } else if (partner.catalogVersion >= snapshot.version()) {
            return;
        }
        partner.legalName = snapshot.legalName();
        partner.country = snapshot.country();
        partner.catalogVersion = snapshot.version();
        partner.persist();
        Log.infof("partner known partnerId=%s country=%s version=%d eventId=%s", partner.id, partner.country,
                partner.catalogVersion, event.id());
    }

    @Transactional
    public void applyPatentEvent(IncomingEvent event) {
        PatentSnapshot snapshot = payloads.read(event, PatentSnapshot.class);
        requireComplete(event, snapshot.patentId() != null && snapshot.ownerId() != null && snapshot.status() != null
                && snapshot.exportClass() != null && snapshot.jurisdiction() != null && snapshot.dealTypes() != null);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            Log.debugf("duplicate event skipped eventId=%s", event.id());
            return;
        }
        KnownPatent patent = KnownPatent.findById(snapshot.patentId());
        if (patent == null) {
            patent = new KnownPatent();
            patent.id = snapshot.patentId();
        } else if (patent.catalogVersion >= snapshot.version()) {
            return;
        }
        patent.publicationNumber = snapshot.publicationNumber();
        patent.ownerId = snapshot.ownerId();
        patent.status = snapshot.status();
        patent.exportClass = snapshot.exportClass();
        patent.jurisdiction = snapshot.jurisdiction();
        patent.dealTypes = snapshot.dealTypes();
        patent.catalogVersion = snapshot.version();
        patent.persist();
        Log.infof("patent known patentId=%s status=%s version=%d eventId=%s", patent.id, patent.status,
                patent.catalogVersion, event.id());
    }

    private static void requireComplete(IncomingEvent event, boolean complete) {
        if (!complete) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks required fields");
        }
    }
}
