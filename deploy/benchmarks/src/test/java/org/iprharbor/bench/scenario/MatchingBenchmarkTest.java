package org.iprharbor.bench.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matching part's result keys name the sizes as issue 15 spells them.
 */
class MatchingBenchmarkTest {

    @Test
    void shouldNameTheSizesAsTheIssuesResultKeysDo() {
        assertThat(MatchingBenchmark.patentKey(100_000)).isEqualTo("match_patent_vs_100k_needs_p99_ms");
        assertThat(MatchingBenchmark.needKey(1_000_000)).isEqualTo("match_need_vs_1m_patents_p99_ms");
        assertThat(MatchingBenchmark.needKey(20_000)).isEqualTo("match_need_vs_20k_patents_p99_ms");
    }
}
