package org.iprharbor.bench.driver;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateSearchTest {

    @Test
    void shouldDoubleThenBisectToTheHighestRateThatHolds() {
        List<Double> tried = new ArrayList<>();
        double found = new RateSearch(100, 10_000, 0.05).find(rate -> {
            tried.add(rate);
            return rate <= 730;
        });

        assertThat(found).isLessThanOrEqualTo(730).isGreaterThan(730 * 0.95);
        assertThat(tried).startsWith(100.0, 200.0, 400.0, 800.0, 800.0, 600.0);
    }

    @Test
    void shouldNotLetOneStalledProbeEndTheDoubling() {
        List<Double> tried = new ArrayList<>();
        double found = new RateSearch(500, 10_000, 0.05).find(rate -> {
            tried.add(rate);
            return rate <= 3_900 && tried.size() != 1; // the very first probe stalls
        });

        assertThat(tried).startsWith(500.0, 500.0, 1_000.0, 2_000.0, 4_000.0, 4_000.0);
        assertThat(found).isLessThanOrEqualTo(3_900).isGreaterThan(3_900 * 0.95);
    }

    @Test
    void shouldStopAtTheCapWhenEverythingHolds() {
        assertThat(new RateSearch(100, 1_000, 0.05).find(rate -> true)).isEqualTo(1_000);
    }

    @Test
    void shouldSearchBelowTheStartWhenTheStartFails() {
        double found = new RateSearch(400, 10_000, 0.05).find(rate -> rate <= 150);
        assertThat(found).isLessThanOrEqualTo(150).isGreaterThan(150 * 0.95);
    }
}
