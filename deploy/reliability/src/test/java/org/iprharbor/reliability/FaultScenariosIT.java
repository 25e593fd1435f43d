package org.iprharbor.reliability;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iprharbor.reliability.scenario.Result;
import org.iprharbor.stack.StackConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reduced fault suite, as CI runs it: a local stack on free ports with its home under target/stacks, each
 * scenario of {@code deploy/reliability/run --quick} against it, and not one loss, duplicate or failed check.
 */
class FaultScenariosIT {

    @Test
    void shouldLoseNothingAndDoNothingTwiceUnderTheReducedFaults() throws Exception {
        StackConfig config = StackConfig.forTests("fault-scenarios-it");

        List<Result> results = ReliabilitySuite.run(config, ReliabilitySuite.scenarios(true), true);

        Report.writeJson(Path.of("target/reliability-results-it.json"), results);
        assertThat(results).hasSize(ReliabilitySuite.scenarios(true).size());
        assertThat(results).allSatisfy(result -> {
            assertThat(result.failures()).as(result.line()).isEmpty();
            assertThat(result.losses()).as(result.line()).isZero();
            assertThat(result.duplicates()).as(result.line()).isZero();
        });
    }
}
