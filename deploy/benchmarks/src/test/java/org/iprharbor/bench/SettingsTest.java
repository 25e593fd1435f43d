package org.iprharbor.bench;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    private final Settings full = Settings.of(false, false, Set.of());

    @Test
    void shouldLengthenASlowProbeUntilItHoldsEnoughRequestsForItsP99() {
        assertThat(full.probe(50).steady()).isEqualTo(Duration.ofSeconds(20)); // 1,000 requests at 50/s
    }

    @Test
    void shouldKeepAFastProbeAtItsShortestAndASlowOneWithinTheCap() {
        assertThat(full.probe(500).steady()).isEqualTo(Duration.ofSeconds(8));
        assertThat(full.probe(5).steady()).isEqualTo(Duration.ofSeconds(60));
    }
}
