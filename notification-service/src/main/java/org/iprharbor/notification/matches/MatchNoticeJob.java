package org.iprharbor.notification.matches;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.notification.routing.PartnerNotifier;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells each party its pending matches once the oldest has waited the digest window: one message per party (the
 * single-match text or a digest), written as an inbox item and a queued email in the transaction that marks the
 * notices sent. A crash before that commit leaves the notices pending and nothing written; after it, the email
 * is in the durable delivery queue. Each party is its own transaction, so one that fails holds up no other.
 */
@ApplicationScoped
class MatchNoticeJob {

    private static final String SOURCE = "/harbor/notification-service";

    private final MatchNotices notices;
    private final PartnerNotifier notifier;
    private final ObjectMapper json;

    MatchNoticeJob(MatchNotices notices, PartnerNotifier notifier, ObjectMapper json) {
        this.notices = notices;
        this.notifier = notifier;
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Scheduled(every = "${harbor.notifications.matches.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        for (UUID partner : notices.dueParties()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> tell(partner));
            } catch (RuntimeException e) {
                Log.warnf(e, "match notices to partnerId=%s not sent; they stay pending for the next look", partner);
            }
        }
    }

    private void tell(UUID partnerId) {
        List<MatchNotices.Pending> pending = notices.claim(partnerId);
        PartnerContact reader = PartnerContact.findById(partnerId);
        if (pending.isEmpty() || reader == null) {
            return; // another instance holds them, or nothing is due any more
        }
        UUID messageId = UUID.randomUUID();
        MatchMessage message = new MatchMessage(pending.stream()
                .map(notice -> new MatchMessage.Told(notice.party(), read(notice.match()))).toList(), messageId);
        IncomingEvent about = new IncomingEvent(messageId, SOURCE, NeedNotifications.MATCH_FOUND, message.subject(), 0,
                Instant.now(), "{}");
        notifier.notifyPartner(reader, about, message.key(), message);
        notices.sent(partnerId, pending, messageId);
        Log.infof("told partnerId=%s of %d match(es) in messageId=%s", partnerId, pending.size(), messageId);
    }

    private MatchFound read(String match) {
        try {
            return json.readValue(match, MatchFound.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a match notice holds a match that is not JSON", e);
        }
    }
}
