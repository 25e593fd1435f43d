package org.iprharbor.notification.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;
import org.iprharbor.notification.domain.PartnerContact;

import io.quarkus.logging.Log;

/**
 * Keeps partners' contact data and languages from catalog events: each event once, newest version wins.
 */
@ApplicationScoped
public class PartnerContacts {

    static final String CONSUMER = "notification-service.partner-contacts";

    private final Inbox inbox;
    private final EventPayloads payloads;
    private final Event<PartnerContactArrived> arrivals;

    PartnerContacts(Inbox inbox, EventPayloads payloads, Event<PartnerContactArrived> arrivals) {
        this.inbox = inbox;
        this.payloads = payloads;
        this.arrivals = arrivals;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        PartnerSnapshot snapshot = payloads.read(event, PartnerSnapshot.class);
        if (!snapshot.complete()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks required partner fields");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        PartnerContact contact = PartnerContact.findById(snapshot.partnerId());
        boolean arrived = contact == null;
        if (arrived) {
            contact = new PartnerContact();
            contact.id = snapshot.partnerId();
        } else if (contact.catalogVersion >= snapshot.version()) {
            return;
        }
        contact.legalName = snapshot.legalName();
        contact.country = snapshot.country();
        contact.languages = snapshot.languages();
        contact.timeZone = snapshot.timeZone();
        contact.email = snapshot.contactEmail();
        contact.catalogVersion = snapshot.version();
        contact.persist();
        Log.infof("partner contact kept partnerId=%s languages=%s version=%d eventId=%s", contact.id, contact.languages,
                contact.catalogVersion, event.id());
        if (arrived) {
            arrivals.fire(new PartnerContactArrived(contact));
        }
    }
}
