package org.iprharbor.reliability.scenario;

import java.util.List;
import java.util.Map;

/**
 * One scenario's outcome: the load it held, the fault, what the verifier found, how long draining took, what
 * was observed along the way, and every failed check.
 */
public record Result(String scenario, String fault, int offersPerSecond, long loadSeconds, long requestsSent,
        long acknowledged, Map<String, Long> outcomes, long losses, long duplicates, long republished,
        Map<String, Long> missing, Map<String, Long> duplicated, double drainedSeconds, long drainBoundSeconds,
        List<String> observations, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }

    public String line() {
        return String.format("%s %s: %d offers/s for %d s, %d requests, %d acknowledged, losses %d, duplicates %d, "
                + "republished %d, drained in %.1f s (bound %d s)%s%s", passed() ? "PASS" : "FAIL", scenario,
                offersPerSecond, loadSeconds, requestsSent, acknowledged, losses, duplicates, republished,
                drainedSeconds, drainBoundSeconds, observations.isEmpty() ? "" : "; " + String.join("; ", observations),
                failures.isEmpty() ? "" : "; FAILED: " + String.join("; ", failures));
    }
}
