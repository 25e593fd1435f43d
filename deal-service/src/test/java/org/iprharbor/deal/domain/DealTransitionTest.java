package org.iprharbor.deal.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production transition table's own consistency and its coverage of the enums; whether the aggregate follows
 * it is {@link DealTransitionTableTest}'s question, asked against a table of its own.
 */
class DealTransitionTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(DealCommand.class)
    void shouldGiveEveryCommandRowsThatAgreeOnFromStatesAndRoles(DealCommand command) {
        var rows = Arrays.stream(DealTransition.values()).filter(row -> row.command() == command).toList();

        assertThat(rows).as("rows of %s", command).isNotEmpty();
        assertThat(rows).extracting(DealTransition::from).containsOnly(rows.get(0).from());
        assertThat(rows).extracting(DealTransition::by).containsOnly(rows.get(0).by());
    }

    @Test
    void shouldReachEveryStateAndEmitEveryKindOfEvent() {
        Set<DealState> reached = EnumSet.noneOf(DealState.class);
        Set<DealEventKind> emitted = EnumSet.noneOf(DealEventKind.class);
        for (DealTransition row : DealTransition.values()) {
            if (row.to() != null) {
                reached.add(row.to());
            }
            emitted.add(row.event());
        }

        assertThat(reached).containsExactlyInAnyOrder(DealState.values());
        assertThat(emitted).containsExactlyInAnyOrder(DealEventKind.values());
    }

    @Test
    void shouldOpenADealFromNoStateOnly() {
        assertThat(DealTransition.statesAllowing(DealCommand.OFFER)).isEmpty();
        assertThat(DealTransition.refusal(DealCommand.OFFER, DealState.OFFERED, ActorRole.BUYER))
                .isEqualTo("it is not a command on an existing deal");
    }

    @Test
    void shouldNameTheStatesOfACommandInTheEnumsOrder() {
        assertThat(DealTransition.refusal(DealCommand.CANCEL, DealState.OFFERED, ActorRole.BUYER))
                .isEqualTo("cancel is only possible in AGREED, SIGNED, EXPORT_REVIEW, CLEARED");
        assertThat(DealTransition.statesAllowing(DealCommand.EXPIRE))
                .containsExactly(DealState.OFFERED, DealState.COUNTERED);
    }
}
