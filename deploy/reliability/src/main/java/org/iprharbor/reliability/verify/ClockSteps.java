package org.iprharbor.reliability.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deadline clock's steps of a set of deals, as its timers promise them and as they happened. A step is named by
 * deal, deadline kind and which of its timers: {@code reminder 1} (the longest lead time) … {@code reminder n}, or
 * {@code missed}. The clock fires a deal's timers in the order they fall due and counts each reminder on its deadline,
 * so the reminder a record carries ({@code deadline.reminders}) tells its lead time; a timer fired twice shows as a
 * reminder numbered beyond its deadline's lead times, or as a second record of one step.
 */
public final class ClockSteps {

    private static final String APPROACHING = "org.iprharbor.deal.deadline-approaching.v1";
    private static final String MISSED = "org.iprharbor.deal.deadline-missed.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> deals;
    private final Databases databases;

    public ClockSteps(Set<String> deals, Databases databases) {
        this.deals = deals;
        this.databases = databases;
    }

    /** The steps the deals' unfired timers promise by {@code clock} (the deadline clock's time, ahead of the wall clock). */
    public Set<String> promised(Instant clock) {
        Set<String> steps = new HashSet<>();
        Map<String, Integer> reminders = new HashMap<>();
        for (String row : databases.rows("deal", "SELECT deal_id, kind, missed FROM deal_timer WHERE fired_at IS NULL"
                + " AND fire_at <= ?::timestamptz AND deal_id IN (SELECT unnest(string_to_array(?, ','))::uuid)"
                + " ORDER BY fire_at", clock.toString(), String.join(",", deals))) {
            String[] timer = row.split("\\|");
            String deadline = timer[0] + " " + timer[1];
            steps.add(deadline + ("t".equals(timer[2]) ? " missed" : " reminder " + reminders.merge(deadline, 1, Integer::sum)));
        }
        return steps;
    }

    /** How many timers of the deals are still unfired. */
    public long unfired() {
        return databases.count("deal", "SELECT count(*) FROM deal_timer WHERE fired_at IS NULL"
                + " AND deal_id IN (SELECT unnest(string_to_array(?, ','))::uuid)", String.join(",", deals));
    }

    /** How many of the deals' timers have fired. */
    public long fired() {
        return databases.count("deal", "SELECT count(*) FROM deal_timer WHERE fired_at IS NOT NULL"
                + " AND deal_id IN (SELECT unnest(string_to_array(?, ','))::uuid)", String.join(",", deals));
    }

    /** What the topic holds of the deals' clock steps. */
    public Seen seen(String bootstrap) {
        Map<String, Set<String>> idsByStep = new TreeMap<>();
        Map<String, Integer> copiesById = new HashMap<>();
        for (TopicRecords.Event event : TopicRecords.read(bootstrap, "harbor.deals.v1", ClockSteps::ofTheClock)) {
            if (ofTheClock(event) && deals.contains(event.subject())) {
                copiesById.merge(event.id(), 1, Integer::sum);
                idsByStep.computeIfAbsent(step(event), step -> new HashSet<>()).add(event.id());
            }
        }
        return new Seen(idsByStep, copiesById.values().stream().mapToLong(copies -> copies - 1).sum());
    }

    /**
     * The steps on the topic, each with the distinct events ({@code ce_id}) found for it, and how many records were
     * the same event published again (a relay that died between send and mark: consumers deduplicate those).
     */
    public record Seen(Map<String, Set<String>> idsByStep, long republished) {

        /** Promised steps with no event. */
        public Map<String, Long> missing(Set<String> promised) {
            Map<String, Long> missing = new LinkedHashMap<>();
            promised.stream().filter(step -> !idsByStep.containsKey(step)).sorted()
                    .forEach(step -> missing.put(step, 1L));
            return missing;
        }

        /** Steps with more than one event, or none promised: each extra event is a timer fired twice. */
        public Map<String, Long> duplicated(Set<String> promised) {
            Map<String, Long> duplicated = new LinkedHashMap<>();
            idsByStep.forEach((step, ids) -> {
                long extra = promised.contains(step) ? ids.size() - 1 : ids.size();
                if (extra > 0) {
                    duplicated.put(step, extra);
                }
            });
            return duplicated;
        }

        public long events() {
            return idsByStep.values().stream().mapToLong(Set::size).sum();
        }
    }

    /** Inbox items of the deals' clock events: one per reminder (its responsible party), two per missed deadline. */
    public Map<String, Long> inboxItems() {
        Map<String, Long> items = new TreeMap<>();
        for (String row : databases.rows("notification", "SELECT event_type, count(*) FROM inbox_item WHERE event_type IN (?, ?)"
                + " AND subject_id IN (SELECT unnest(string_to_array(?, ','))) GROUP BY event_type", APPROACHING, MISSED,
                String.join(",", deals))) {
            String[] count = row.split("\\|");
            items.put(count[0], Long.parseLong(count[1]));
        }
        return items;
    }

    /** The inbox items {@code promised} steps call for, by event type. */
    public static Map<String, Long> inboxItemsFor(Set<String> promised) {
        long missed = promised.stream().filter(step -> step.endsWith(" missed")).count();
        return new TreeMap<>(Map.of(APPROACHING, promised.size() - missed, MISSED, 2 * missed));
    }

    private static boolean ofTheClock(TopicRecords.Event event) {
        return APPROACHING.equals(event.type()) || MISSED.equals(event.type());
    }

    private static String step(TopicRecords.Event event) {
        try {
            JsonNode deadline = JSON.readTree(event.payload()).get("deadline");
            String name = event.subject() + " " + deadline.get("kind").asText();
            return MISSED.equals(event.type()) ? name + " missed" : name + " reminder " + deadline.get("reminders").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable clock event " + event.id(), e);
        }
    }
}
