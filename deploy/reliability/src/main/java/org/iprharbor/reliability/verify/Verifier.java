package org.iprharbor.reliability.verify;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.iprharbor.reliability.load.Ledger;
import org.iprharbor.reliability.receiver.WebhookReceiver;
import org.iprharbor.stack.LocalStack;

/**
 * Compares, for the deals of one scenario, what clients were acknowledged with what the databases hold, what
 * Kafka carries and what side effects happened: every acknowledged offer is a deal row and a {@code deal-opened}
 * record; every acknowledged acceptance an AGREED row and an {@code offer-accepted} record; every record of those
 * deals applied by the catalog, in both parties' inboxes, emailed to both, and received by the webhook receiver.
 */
public final class Verifier {

    private static final String DEAL_TOPIC = "harbor.deals.v1";
    private static final String OPENED = "org.iprharbor.deal.deal-opened.v1";
    private static final String ACCEPTED = "org.iprharbor.deal.offer-accepted.v1";

    private final LocalStack stack;
    private final Databases databases;
    private final WebhookReceiver receiver;
    private final int mailsBefore;
    private final long deliveredMailsBefore;

    /** Call before the scenario's load starts: email duplicates are counted from here. */
    public Verifier(LocalStack stack, WebhookReceiver receiver) {
        this.stack = stack;
        this.databases = new Databases(stack.postgres());
        this.receiver = receiver;
        this.mailsBefore = stack.mailsReceived();
        this.deliveredMailsBefore = deliveredMails();
    }

    /** Verifies until everything acknowledged is everywhere or the bound passes; returns the last verdict. */
    public Drained awaitDrained(Ledger ledger, Duration bound) throws InterruptedException {
        long began = System.nanoTime();
        Verdict verdict = verify(ledger);
        while (!verdict.clean() && System.nanoTime() - began < bound.toNanos()) {
            Thread.sleep(2_000);
            verdict = verify(ledger);
        }
        return new Drained(verdict, Duration.ofNanos(System.nanoTime() - began));
    }

    /** A verdict and how long it took after the load stopped for it to be reached. */
    public record Drained(Verdict verdict, Duration after) {
    }

    public Verdict verify(Ledger ledger) {
        Set<String> offered = ledger.offered();
        Set<String> accepted = ledger.accepted();
        Map<String, String> stateById = databases.rows("deal", "SELECT id, state FROM deal").stream()
                .map(row -> row.split("\\|")).collect(Collectors.toMap(row -> row[0], row -> row[1]));
        List<TopicRecords.Event> records = TopicRecords.read(stack.config().kafkaBootstrap(), DEAL_TOPIC).stream()
                .filter(event -> event.subject() != null && offered.contains(event.subject())).toList();
        Map<String, Long> copiesById = records.stream().collect(Collectors.groupingBy(TopicRecords.Event::id,
                Collectors.counting()));
        Set<String> typesBySubject = records.stream().map(event -> event.subject() + " " + event.type())
                .collect(Collectors.toSet());

        Map<String, Long> missing = new LinkedHashMap<>();
        missing.put("deal rows", offered.stream().filter(id -> !stateById.containsKey(id)).count());
        missing.put("AGREED rows", accepted.stream().filter(id -> !"AGREED".equals(stateById.get(id))).count());
        missing.put("deal-opened records", offered.stream().filter(id -> !typesBySubject.contains(id + " " + OPENED)).count());
        missing.put("offer-accepted records",
                accepted.stream().filter(id -> !typesBySubject.contains(id + " " + ACCEPTED)).count());

        Set<String> eventIds = copiesById.keySet();
        Set<String> appliedByCatalog = new HashSet<>(databases.rows("catalog", "SELECT event_id FROM processed_event"));
        missing.put("catalog applications", eventIds.stream().filter(id -> !appliedByCatalog.contains(id)).count());
        Map<String, Long> inboxItems = countBy(databases.rows("notification", "SELECT event_id FROM inbox_item"));
        missing.put("inbox items", eventIds.stream().mapToLong(id -> Math.max(0, 2 - inboxItems.getOrDefault(id, 0L))).sum());
        Map<String, Long> emails = countBy(databases.rows("notification",
                "SELECT event_id FROM delivery WHERE channel = 'EMAIL' AND status = 'DELIVERED'"));
        missing.put("emails", eventIds.stream().mapToLong(id -> Math.max(0, 2 - emails.getOrDefault(id, 0L))).sum());

        Map<String, Long> duplicates = new LinkedHashMap<>();
        duplicates.put("inbox items", eventIds.stream().mapToLong(id -> Math.max(0, inboxItems.getOrDefault(id, 0L) - 2)).sum());
        duplicates.put("emails sent", Math.max(0, (stack.mailsReceived() - mailsBefore) - (deliveredMails() - deliveredMailsBefore)));
        if (receiver != null) {
            Map<String, Long> acknowledgedReceipts = countBy(receiver.receipts(WebhookReceiver.Behaviour.OK).stream()
                    .map(WebhookReceiver.Receipt::webhookId).toList());
            missing.put("webhook receipts", eventIds.stream().filter(id -> !acknowledgedReceipts.containsKey(id)).count());
            duplicates.put("webhook receipts",
                    acknowledgedReceipts.values().stream().mapToLong(count -> count - 1).sum());
        }
        long republished = copiesById.values().stream().mapToLong(count -> count - 1).sum();
        return new Verdict(offered.size(), accepted.size(), eventIds.size(), missing, duplicates, republished);
    }

    private long deliveredMails() {
        return databases.count("notification", "SELECT count(*) FROM delivery WHERE channel = 'EMAIL' AND status = 'DELIVERED'");
    }

    private static Map<String, Long> countBy(List<String> values) {
        Map<String, Long> counts = new HashMap<>();
        values.forEach(value -> counts.merge(value, 1L, Long::sum));
        return counts;
    }
}
