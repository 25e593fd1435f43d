package org.iprharbor.reliability.scenario;

/**
 * One way of breaking the platform on purpose, with the checks that prove nothing was lost or done twice.
 */
public interface Scenario {

    /** Short name, used by {@code --only} and in the report. */
    String name();

    /** The fault, in words, for the report. */
    String fault();

    Result run(ScenarioContext context) throws Exception;
}
