package org.iprharbor.notification.routing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.notification.delivery.DeliveryQueue;
import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.domain.NotificationPreference;
import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.notification.localisation.NotificationTexts;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Tells one reader about one event, in the reader's language, on the channels the reader chose: an inbox item
 * and an email queued for delivery, both in the transaction that consumes the event.
 */
@ApplicationScoped
public class PartnerNotifier {

    /** The operators' mailbox, as a delivery target. */
    public static final UUID OPERATORS = UUID.nameUUIDFromBytes("iprharbor-operators".getBytes());

    private final NotificationTexts texts;
    private final Template email;
    private final DeliveryQueue queue;

    PartnerNotifier(NotificationTexts texts, @Location("email.html") Template email, DeliveryQueue queue) {
        this.texts = texts;
        this.email = email;
        this.queue = queue;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyPartner(PartnerContact reader, IncomingEvent event, String key, MessageFacts facts) {
        String language = texts.languageFor(reader.languages);
        Map<String, Object> parameters = facts.forReader(reader.legalName, language, reader.languages,
                ZoneId.of(reader.timeZone), texts);
        String subject = texts.render(key + ".subject", language, parameters);
        String body = texts.render(key + ".body", language, parameters);
        NotificationPreference preference = NotificationPreference.of(reader.id);
        if (preference.inbox) {
            toInbox(reader, event, language, subject, body);
        }
        if (preference.email) {
            String reference = texts.render(facts.referenceKey(), language, parameters);
            queue.enqueueEmail(reader.id, event, reader.email, language, subject, text(language, parameters, body, reference),
                    html(language, subject, body, parameters, reference));
        }
        Log.infof("notified partnerId=%s eventId=%s type=%s language=%s inbox=%s email=%s", reader.id, event.id(), key,
                language, preference.inbox, preference.email);
    }

    private void toInbox(PartnerContact reader, IncomingEvent event, String language, String subject, String body) {
        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.partnerId = reader.id;
        item.eventId = event.id();
        item.eventType = event.type();
        item.subjectId = event.subject();
        item.language = language;
        item.title = subject;
        item.body = body;
        item.createdAt = Instant.now();
        item.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void notifyOperators(String address, IncomingEvent event, String key, MessageFacts facts) {
        Map<String, Object> parameters = facts.forReader("IPR Harbor operations", "en", List.of("en"), ZoneId.of("UTC"), texts);
        String subject = texts.render(key + ".subject", "en", parameters);
        String body = texts.render(key + ".body", "en", parameters);
        String reference = texts.render(facts.referenceKey(), "en", parameters);
        queue.enqueueEmail(OPERATORS, event, address, "en", subject, text("en", parameters, body, reference),
                html("en", subject, body, parameters, reference));
    }

    private String text(String language, Map<String, Object> parameters, String body, String reference) {
        return texts.render("email.greeting", language, parameters) + "\n\n" + body + "\n\n"
                + reference + "\n\n-- \n"
                + texts.render("email.footer", language, parameters) + "\n";
    }

    private String html(String language, String subject, String body, Map<String, Object> parameters, String reference) {
        boolean rtl = NotificationTexts.rightToLeft(language);
        return email.data("lang", language)
                .data("dir", rtl ? "rtl" : "ltr")
                .data("align", rtl ? "right" : "left")
                .data("subject", subject)
                .data("greeting", texts.render("email.greeting", language, parameters))
                .data("body", body)
                .data("reference", reference)
                .data("footer", texts.render("email.footer", language, parameters))
                .render();
    }
}
