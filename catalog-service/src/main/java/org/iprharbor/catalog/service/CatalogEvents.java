package org.iprharbor.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.domain.NeedMatch;
import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.messaging.CatalogTopics;
import org.iprharbor.catalog.messaging.MatchFoundEvent;
import org.iprharbor.catalog.messaging.NeedEvent;
import org.iprharbor.catalog.messaging.PartnerEvent;
import org.iprharbor.catalog.messaging.PatentEvent;
import org.iprharbor.kit.outbox.Outbox;

import io.quarkus.logging.Log;

/**
 * Records the catalog's events in the outbox, in the caller's transaction, carrying the aggregate's
 * version after the change.
 */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;

    CatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void partner(String type, Partner partner) {
        Partner.flush(); // @Version moves at flush: the event must carry the version it describes
        outbox.append(CatalogTopics.PARTNERS, type, partner.id, partner.version, PartnerEvent.of(partner));
        Log.infof("%s partnerId=%s version=%d", shortName(type), partner.id, partner.version);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void patent(String type, Patent patent) {
        Patent.flush();
        outbox.append(CatalogTopics.PATENTS, type, patent.id, patent.version, PatentEvent.of(patent));
        Log.infof("%s patentId=%s publication=%s ownerId=%s status=%s version=%d", shortName(type), patent.id,
                patent.publicationNumber, patent.ownerId, patent.status, patent.version);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void need(String type, Need need) {
        Need.flush();
        outbox.append(CatalogTopics.NEEDS, type, need.id, need.version, NeedEvent.of(need));
        Log.infof("%s needId=%s ownerId=%s status=%s version=%d", shortName(type), need.id, need.ownerId, need.status,
                need.version);
    }

    /** Keyed by the need, so a need's matches follow its posting; the sequence is the need's version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void matchFound(NeedMatch match, Need need, Patent patent) {
        outbox.append(CatalogTopics.NEEDS, CatalogTopics.MATCH_FOUND, need.id, need.version, MatchFoundEvent.of(match, need, patent));
        Log.infof("match-found matchId=%s needId=%s patentId=%s score=%d", match.id, need.id, patent.id, match.score);
    }

    private static String shortName(String type) {
        return type.substring("org.iprharbor.catalog.".length(), type.lastIndexOf('.'));
    }
}
