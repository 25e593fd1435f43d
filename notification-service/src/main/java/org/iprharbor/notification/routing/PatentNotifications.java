package org.iprharbor.notification.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;
import org.iprharbor.notification.domain.AlertSubscription;
import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.notification.domain.PatentInfo;

import io.quarkus.logging.Log;

/**
 * Patent events: keeps the patent's titles, alerts the partners whose subscriptions match a newly listed
 * patent (never its owner), and queues the event for matching webhooks. Each event applies once.
 */
@ApplicationScoped
public class PatentNotifications {

    static final String CONSUMER = "notification-service.patents";
    private static final String LISTED = "org.iprharbor.catalog.patent-listed.v1";

    private final Inbox inbox;
    private final EventPayloads payloads;
    private final EventLog log;
    private final PartnerNotifier notifier;
    private final WebhookFanout webhooks;

    PatentNotifications(Inbox inbox, EventPayloads payloads, EventLog log, PartnerNotifier notifier, WebhookFanout webhooks) {
        this.inbox = inbox;
        this.payloads = payloads;
        this.log = log;
        this.notifier = notifier;
        this.webhooks = webhooks;
    }

    /** The fields read from a {@code harbor.patents.v1} payload. */
    public record PatentSnapshot(UUID patentId, String publicationNumber, UUID ownerId, Map<String, String> titles,
            String jurisdiction, List<String> ipcClasses, List<String> dealTypes, long version) {
    }

    @Transactional
    public void apply(IncomingEvent event) {
        PatentSnapshot snapshot = payloads.read(event, PatentSnapshot.class);
        if (snapshot.patentId() == null || snapshot.ownerId() == null || snapshot.titles() == null
                || snapshot.jurisdiction() == null || snapshot.ipcClasses() == null || snapshot.dealTypes() == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks required patent fields");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        PatentInfo patent = keep(snapshot);
        String cloudEvent = log.record("harbor.patents.v1", event);
        if (LISTED.equals(event.type())) {
            alert(event, patent);
        }
        webhooks.fanOut(event, cloudEvent, Set.of(snapshot.jurisdiction()), Set.of());
    }

    private PatentInfo keep(PatentSnapshot snapshot) {
        PatentInfo patent = PatentInfo.findById(snapshot.patentId());
        if (patent == null) {
            patent = new PatentInfo();
            patent.id = snapshot.patentId();
        } else if (patent.catalogVersion > snapshot.version()) {
            return patent;
        }
        patent.publicationNumber = snapshot.publicationNumber();
        patent.ownerId = snapshot.ownerId();
        patent.titles = snapshot.titles();
        patent.jurisdiction = snapshot.jurisdiction();
        patent.ipcClasses = snapshot.ipcClasses();
        patent.dealTypes = snapshot.dealTypes();
        patent.catalogVersion = snapshot.version();
        patent.persist();
        return patent;
    }

    private void alert(IncomingEvent event, PatentInfo patent) {
        MessageParameters facts = new MessageParameters(patent, patent.publicationNumber, null, patent.dealTypes,
                null, null, List.of(), null, null, null, null);
        List<UUID> readers = AlertSubscription.<AlertSubscription>listAll().stream()
                .filter(subscription -> subscription.matches(patent))
                .map(subscription -> subscription.partnerId).distinct().toList();
        for (UUID reader : readers) {
            PartnerContact contact = PartnerContact.findById(reader);
            if (contact == null) {
                Log.warnf("alert matched partnerId=%s, whose contact data has not arrived; not notified", reader);
                continue;
            }
            notifier.notifyPartner(contact, event, "patent-listed.alert", facts);
        }
    }
}
