package org.iprharbor.deal.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.deal.domain.KnownPartner;
import org.iprharbor.deal.domain.KnownPatent;
import org.iprharbor.kit.events.IncomingEvent;

import io.quarkus.logging.Log;

/**
 * Applies catalog events to deal-service's read model: each event once (inbox), and never an older
 * version over a newer one (events of one aggregate may arrive again after a rebalance or a redrive).
 */
@ApplicationScoped
public class CatalogReadModel {

    static final String CONSUMER = "deal-service.catalog-read-model";

    private final OnceReader reader;

    CatalogReadModel(OnceReader reader) {
        this.reader = reader;
    }

    @Transactional
    public void applyPartnerEvent(IncomingEvent event) {
        PartnerSnapshot snapshot = reader.read(CONSUMER, event, PartnerSnapshot.class,
                read -> read.partnerId() != null && read.country() != null && read.legalName() != null).orElse(null);
        if (snapshot == null) {
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
        PatentSnapshot snapshot = reader.read(CONSUMER, event, PatentSnapshot.class,
                read -> read.patentId() != null && read.ownerId() != null && read.status() != null
                        && read.exportClass() != null && read.jurisdiction() != null && read.dealTypes() != null)
                .orElse(null);
        if (snapshot == null) {
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
}
