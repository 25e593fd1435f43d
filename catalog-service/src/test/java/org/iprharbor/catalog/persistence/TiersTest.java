package org.iprharbor.catalog.persistence;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.iprharbor.catalog.domain.MatchScore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching's tiers: read strongest bound first, none the anchor cannot fill, bounds as MatchScore's weights give them.
 */
class TiersTest {

    private static final Tiers TIERS = new Tiers("G", "S", "W");
    private static final int CONTEXT = MatchScore.TERRITORY_COVERED + MatchScore.DEAL_TYPE + MatchScore.WITHIN_BUDGET;

    @Test
    void shouldReadTheSharedGroupFirstThenTheSubclassWithWordsThenTheRestByBound() {
        List<Tiers.Tier> tiers = TIERS.strongestFirst(MatchScore.WORDS_MAX, CONTEXT, true, true);

        assertThat(tiers).extracting(Tiers.Tier::candidates).containsExactly("G", "(S AND W AND NOT G)", "(W AND NOT S)",
                "(S AND NOT G AND NOT coalesce(W, false))");
        assertThat(tiers).extracting(Tiers.Tier::bound).containsExactly(100, 85, 60, 55);
    }

    @Test
    void shouldReadASubclassWithoutWordsBeforeASingleWordWithoutSubclass() {
        List<Tiers.Tier> tiers = TIERS.strongestFirst(MatchScore.WORD, CONTEXT, true, true);

        assertThat(tiers).extracting(Tiers.Tier::bound).containsExactly(80, 65, 55, 40);
        assertThat(tiers.get(2).candidates()).isEqualTo("(S AND NOT G AND NOT coalesce(W, false))");
    }

    @Test
    void shouldSkipTiersTheAnchorCannotFill() {
        assertThat(TIERS.strongestFirst(2 * MatchScore.WORD, CONTEXT, false, false)).extracting(Tiers.Tier::candidates)
                .containsExactly("(W AND NOT S)");
        assertThat(TIERS.strongestFirst(0, CONTEXT, false, true)).extracting(Tiers.Tier::candidates)
                .containsExactly("(S AND NOT G AND NOT coalesce(W, false))");
    }
}
