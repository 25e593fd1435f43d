package org.iprharbor.catalog.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reasons a person reads: strongest first, one per language the words were found in, no budget amount.
 */
class MatchScoreTest {

    @Test
    void shouldGiveTheGroupRatherThanTheSubclassAndOneWordReasonPerLanguage() {
        MatchEvidence evidence = new MatchEvidence(List.of("H01M 4"), List.of("H01M"),
                Map.of("ru", List.of("катодный"), "en", List.of("cathode", "lithium")), List.of("KZ"), List.of("KZ", "UZ"),
                List.of(DealType.NON_EXCLUSIVE_LICENCE), true);

        List<MatchReason> reasons = MatchScore.reasons(evidence);

        assertThat(reasons).extracting(MatchReason::kind).containsExactly(MatchReason.Kind.IPC_GROUP, MatchReason.Kind.WORDS,
                MatchReason.Kind.WORDS, MatchReason.Kind.TERRITORY_COVERED, MatchReason.Kind.DEAL_TYPE, MatchReason.Kind.WITHIN_BUDGET);
        assertThat(reasons).extracting(MatchReason::language).containsExactly(null, "en", "ru", null, null, null);
        assertThat(reasons.get(1).text()).isEqualTo("Words found in the patent's en text: cathode, lithium");
        assertThat(reasons.get(5).values()).isEmpty();
    }

    @Test
    void shouldFallBackToTheSubclassAndTheTargetedTerritory() {
        MatchEvidence evidence = new MatchEvidence(List.of(), List.of("E01F"), Map.of(), List.of(), List.of("KZ"), List.of(), false);

        assertThat(MatchScore.reasons(evidence)).extracting(MatchReason::text)
                .containsExactly("Shared IPC subclass E01F", "Offered for KZ");
    }
}
