package org.iprharbor.bench.scenario;

/**
 * One part of the suite: it measures something beside its baseline and adds its section to the report.
 */
public interface Benchmark {

    /** The name {@code --only} selects it by. */
    String name();

    void run(BenchContext context) throws Exception;

    /** Whether the full suite (no {@code --only}) runs it; a part that needs the stack set up its own way runs alone. */
    default boolean inFullSuite() {
        return true;
    }
}
