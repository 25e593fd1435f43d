package org.iprharbor.kit.retention;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention's settings are checked against the tables the service declared, before anything is purged.
 */
class RetentionSettingsTest {

    @Test
    void shouldAcceptAMaxAgeForEveryTable() {
        assertThat(Retention.checkSettings(List.of("outbox", "processed_event"), Set.of("processed_event", "outbox"))).isEmpty();
    }

    @Test
    void shouldRefuseToStartWhenATableHasNoMaxAge() {
        assertThatThrownBy(() -> Retention.checkSettings(List.of("outbox", "event_log"), Set.of("outbox")))
                .hasMessageContaining("no harbor.retention.<table>.max-age for [event_log]");
    }

    @Test
    void shouldNameSettingsForTablesItDoesNotPurgeSoTheyAreWarnedOf() {
        assertThat(Retention.checkSettings(List.of("outbox"), Set.of("outbox", "outbx", "event_log")))
                .containsExactly("event_log", "outbx");
    }

    @Test
    void shouldRefuseTwoRulesForOneTable() {
        assertThatThrownBy(() -> Retention.checkSettings(List.of("outbox", "outbox"), Set.of("outbox")))
                .hasMessageContaining("two purge rules name the same table");
    }

    @Test
    void shouldWriteMaxAgesAsTheSettingsAreWritten() {
        assertThat(Retention.text(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(Retention.text(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Retention.text(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(Retention.text(Duration.ofSeconds(90))).isEqualTo("90s");
    }
}
