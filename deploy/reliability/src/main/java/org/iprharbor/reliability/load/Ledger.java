package org.iprharbor.reliability.load;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients were told: the deals whose offer and whose acceptance got a 2xx (the acknowledged writes the
 * verifier must find everywhere), and how every other request ended.
 */
public final class Ledger {

    private final Set<String> offered = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong unavailableWithoutProblem = new AtomicLong();
    private final AtomicLong maxLatencyMillis = new AtomicLong();

    void sent() {
        sent.incrementAndGet();
    }

    void record(String command, HarborClient.Reply reply, long latencyMillis) {
        String outcome = reply.status() == 0 ? "no answer" : Integer.toString(reply.status());
        outcomes.computeIfAbsent(command + " " + outcome, key -> new AtomicLong()).incrementAndGet();
        maxLatencyMillis.accumulateAndGet(latencyMillis, Math::max);
        if (reply.status() >= 500 && reply.status() != 503) {
            serverErrors.incrementAndGet();
        }
        if (reply.status() == 503 && !reply.problemJson()) {
            unavailableWithoutProblem.incrementAndGet();
        }
    }

    void offered(String dealId) {
        offered.add(dealId);
    }

    void accepted(String dealId) {
        accepted.add(dealId);
    }

    public Set<String> offered() {
        return Set.copyOf(offered);
    }

    public Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    public long requestsSent() {
        return sent.get();
    }

    /** 5xx other than 503: a client mistake or an outage must never look like this. */
    public long serverErrors() {
        return serverErrors.get();
    }

    public long unavailableWithoutProblem() {
        return unavailableWithoutProblem.get();
    }

    public long count(String commandAndOutcome) {
        AtomicLong count = outcomes.get(commandAndOutcome);
        return count == null ? 0 : count.get();
    }

    public long maxLatencyMillis() {
        return maxLatencyMillis.get();
    }

    public Map<String, Long> outcomes() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((key, value) -> sorted.put(key, value.get()));
        return sorted;
    }
}
