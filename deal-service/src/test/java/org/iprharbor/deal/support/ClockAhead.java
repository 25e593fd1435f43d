package org.iprharbor.deal.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The deadline clock 61 days ahead of the wall clock: a contract in effect now is past its 60-day registration
 * deadline, so its two reminders and the missed deadline fire at once.
 */
public class ClockAhead implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("harbor.deals.deadlines.clock-offset", "P61D");
    }
}
