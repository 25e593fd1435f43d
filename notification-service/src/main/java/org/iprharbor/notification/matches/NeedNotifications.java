package org.iprharbor.notification.matches;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;
import org.iprharbor.notification.ops.funnel.MatchFunnel;
import org.iprharbor.notification.routing.EventLog;
import org.iprharbor.notification.routing.WebhookFanout;

/**
 * Need and match events from {@code harbor.needs.v1}, without any budget: every one is kept in the event log and
 * queued for matching webhooks; a match found is noted for both parties (told later by {@link MatchNoticeJob}) and
 * counted for the dashboard. Each event applies once.
 */
@ApplicationScoped
public class NeedNotifications {

    public static final String TOPIC = "harbor.needs.v1";
    public static final String MATCH_FOUND = "org.iprharbor.catalog.match-found.v1";
    static final String CONSUMER = "notification-service.needs";

    private final Inbox inbox;
    private final EventPayloads payloads;
    private final WithoutBudget withoutBudget;
    private final EventLog log;
    private final WebhookFanout webhooks;
    private final MatchNotices notices;
    private final MatchFunnel funnel;

    NeedNotifications(Inbox inbox, EventPayloads payloads, WithoutBudget withoutBudget, EventLog log,
            WebhookFanout webhooks, MatchNotices notices, MatchFunnel funnel) {
        this.inbox = inbox;
        this.payloads = payloads;
        this.withoutBudget = withoutBudget;
        this.log = log;
        this.webhooks = webhooks;
        this.notices = notices;
        this.funnel = funnel;
    }

    /** The fields read from a need event's payload. */
    record NeedSnapshot(UUID needId, UUID ownerId, List<String> territories, List<String> dealTypes) {
    }

    @Transactional
    public void apply(IncomingEvent received) {
        IncomingEvent event = withoutBudget.of(received);
        if (MATCH_FOUND.equals(event.type())) {
            MatchFound match = payloads.read(event, MatchFound.class);
            if (!match.complete()) {
                throw new PoisonEventException(event.type() + " " + event.id() + " lacks the match's parties, need, patent or score");
            }
            if (inbox.firstDelivery(CONSUMER, event.id())) {
                String cloudEvent = log.record(TOPIC, event);
                funnel.found(match.matchId(), match.foundAt());
                notices.note(event.id(), match, event.payload());
                webhooks.fanOut(event, cloudEvent, MatchScope.countries(match), MatchScope.dealTypes(match));
            }
            return;
        }
        NeedSnapshot need = payloads.read(event, NeedSnapshot.class);
        if (need.needId() == null || need.ownerId() == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks the need's id or owner");
        }
        if (inbox.firstDelivery(CONSUMER, event.id())) {
            String cloudEvent = log.record(TOPIC, event);
            webhooks.fanOut(event, cloudEvent, orNone(need.territories()), orNone(need.dealTypes()));
        }
    }

    private static Set<String> orNone(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
