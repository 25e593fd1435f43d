package org.iprharbor.notification.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.iprharbor.kit.events.EventPayloads;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.inbox.Inbox;
import org.iprharbor.notification.catalog.PartnerContactArrived;
import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.PartnerContact;
import org.iprharbor.notification.domain.PatentInfo;
import org.iprharbor.notification.localisation.NotificationTexts;
import org.iprharbor.notification.ops.deadlines.DealDeadlines;
import org.iprharbor.notification.ops.funnel.DealFunnel;

import io.quarkus.logging.Log;

/**
 * Deal events: the buyer and the seller each get the message that fits their side, in their language
 * (inbox and email), a reminder only the party who must act ({@link DealReaders}); operators get the steps they record
 * and missed deadlines; matching webhooks get the event. Each event applies once.
 * A party whose contact data has not arrived yet is told when it does.
 */
@ApplicationScoped
public class DealNotifications {

    static final String CONSUMER = "notification-service.deals";
    private static final String PREFIX = "org.iprharbor.deal.";

    private final Inbox inbox;
    private final EventPayloads payloads;
    private final EventLog log;
    private final PartnerNotifier notifier;
    private final WebhookFanout webhooks;
    private final NotificationTexts texts;
    private final NotificationConfig config;
    private final DealFunnel funnel;
    private final AwaitingContact awaiting;
    private final DealDeadlines deadlines;

    DealNotifications(Inbox inbox, EventPayloads payloads, EventLog log, PartnerNotifier notifier, WebhookFanout webhooks,
            NotificationTexts texts, NotificationConfig config, DealFunnel funnel, AwaitingContact awaiting,
            DealDeadlines deadlines) {
        this.inbox = inbox;
        this.payloads = payloads;
        this.log = log;
        this.notifier = notifier;
        this.webhooks = webhooks;
        this.texts = texts;
        this.config = config;
        this.funnel = funnel;
        this.awaiting = awaiting;
        this.deadlines = deadlines;
    }

    /** The fields read from a {@code harbor.deals.v1} payload; {@code matchId} names the match an offer came from. */
    public record DealSnapshot(UUID dealId, UUID patentId, UUID buyerId, UUID sellerId, String buyerCountry,
            String sellerCountry, String dealType, String state, Integer termsVersion, Terms terms, String reason,
            Instant validUntil, UUID matchId, String exportRoute, Deadline deadline, List<Deadline> deadlines) {

        /** The deal's current terms. */
        public record Terms(Price price, List<String> territory) {
        }

        /** A price as published (the amount as a string). */
        public record Price(BigDecimal amount, String currency) {
        }

        /** A deadline the deal runs against: {@code responsible} is BUYER, SELLER or null. */
        public record Deadline(String kind, Instant dueAt, String responsible, boolean estimated, String status) {
        }
    }

    @Transactional
    public void apply(IncomingEvent event) {
        DealSnapshot deal = payloads.read(event, DealSnapshot.class);
        if (deal.dealId() == null || deal.patentId() == null || deal.buyerId() == null || deal.sellerId() == null
                || deal.dealType() == null) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks the deal's parties, patent or type");
        }
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String cloudEvent = log.record("harbor.deals.v1", event);
        if (deal.state() != null) {
            funnel.record(deal.dealId(), deal.state(), event.sequence(), event.time(), deal.matchId());
        }
        if (deal.deadlines() != null) {
            deadlines.record(deal.dealId(), event.sequence(), deal.deadlines());
        }
        String kind = kind(event);
        String partyTexts = DealReaders.texts(kind, deal, texts::hasKey);
        PartnerContact buyer = PartnerContact.findById(deal.buyerId());
        PartnerContact seller = PartnerContact.findById(deal.sellerId());
        for (String side : DealReaders.sides(partyTexts, deal, texts::hasKey)) {
            boolean toBuyer = DealReaders.BUYER.equals(side);
            tell(toBuyer ? deal.buyerId() : deal.sellerId(), toBuyer ? buyer : seller, toBuyer ? seller : buyer, side, deal,
                    event, partyTexts);
        }
        if (texts.hasKey(kind + ".operator.subject")) {
            notifier.notifyOperators(config.operatorEmail(), event, kind + ".operator", facts(deal, null));
        }
        webhooks.fanOut(event, cloudEvent, countries(deal), Set.of(deal.dealType()));
    }

    /** Tells a party the deal events that waited for their contact data, in the transaction that keeps it. */
    void onContactArrived(@Observes PartnerContactArrived arrived) {
        for (AwaitingContact.Parked parked : awaiting.release(arrived.contact().id)) {
            IncomingEvent event = log.read(parked.cloudEvent());
            DealSnapshot deal = payloads.read(event, DealSnapshot.class);
            UUID counterparty = DealReaders.BUYER.equals(parked.side()) ? deal.sellerId() : deal.buyerId();
            notifier.notifyPartner(arrived.contact(), event,
                    DealReaders.texts(kind(event), deal, texts::hasKey) + "." + parked.side(),
                    facts(deal, PartnerContact.findById(counterparty)));
        }
    }

    private void tell(UUID readerId, PartnerContact reader, PartnerContact counterparty, String side, DealSnapshot deal,
            IncomingEvent event, String partyTexts) {
        PartnerContact known = reader != null ? reader : awaiting.parkUnlessArrived(readerId, event.id(), side);
        if (known == null) {
            Log.infof("no contact data for the %s of dealId=%s yet; eventId=%s waits for it", side, deal.dealId(), event.id());
            return;
        }
        notifier.notifyPartner(known, event, partyTexts + "." + side, facts(deal, counterparty));
    }

    private static String kind(IncomingEvent event) {
        String type = event.type();
        return type.startsWith(PREFIX) ? type.substring(PREFIX.length(), type.lastIndexOf('.')) : type;
    }

    private static MessageFacts facts(DealSnapshot deal, PartnerContact counterparty) {
        PatentInfo patent = PatentInfo.findById(deal.patentId());
        DealSnapshot.Price price = deal.terms() == null ? null : deal.terms().price();
        MessageParameters facts = new MessageParameters(patent, patent == null ? deal.patentId().toString() : patent.publicationNumber,
                counterparty == null ? "" : counterparty.legalName, List.of(deal.dealType()),
                price == null ? null : price.amount(), price == null ? null : price.currency(),
                deal.terms() == null ? List.of() : deal.terms().territory(), deal.validUntil(), deal.termsVersion(),
                deal.reason(), deal.dealId().toString());
        return deal.deadline() == null ? facts : new DeadlineFacts(facts, deal.deadline());
    }

    private static Set<String> countries(DealSnapshot deal) {
        Set<String> countries = new java.util.HashSet<>();
        if (deal.buyerCountry() != null) {
            countries.add(deal.buyerCountry());
        }
        if (deal.sellerCountry() != null) {
            countries.add(deal.sellerCountry());
        }
        return countries;
    }
}
