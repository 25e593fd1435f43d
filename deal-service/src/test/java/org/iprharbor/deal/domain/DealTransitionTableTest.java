package org.iprharbor.deal.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iprharbor.deal.domain.DealBuilder.AFTER_DEADLINE;
import static org.iprharbor.deal.domain.DealBuilder.AVAILABLE;
import static org.iprharbor.deal.domain.DealBuilder.LATER;
import static org.iprharbor.deal.domain.DealBuilder.aDeal;

/**
 * Every command from every state, against a table written independently of the production one: the legal
 * ones reach the expected state, the illegal ones throw 409 naming the state and the command and change nothing.
 */
class DealTransitionTableTest {

    private static final Set<DealState> NEGOTIATING = EnumSet.of(DealState.OFFERED, DealState.COUNTERED);

    /** command → (from state → expected state after it). */
    private static final Map<DealCommand, Map<DealState, DealState>> LEGAL = Map.ofEntries(
            Map.entry(DealCommand.COUNTER, Map.of(DealState.OFFERED, DealState.COUNTERED, DealState.COUNTERED, DealState.COUNTERED)),
            Map.entry(DealCommand.ACCEPT, Map.of(DealState.OFFERED, DealState.AGREED, DealState.COUNTERED, DealState.AGREED)),
            Map.entry(DealCommand.REJECT, Map.of(DealState.OFFERED, DealState.REJECTED, DealState.COUNTERED, DealState.REJECTED,
                    DealState.INTENT_REVIEW, DealState.REJECTED)),
            Map.entry(DealCommand.WITHDRAW, Map.of(DealState.OFFERED, DealState.WITHDRAWN, DealState.COUNTERED, DealState.WITHDRAWN,
                    DealState.INTENT_REVIEW, DealState.WITHDRAWN)),
            Map.entry(DealCommand.EXPORT_INTENT, Map.of(DealState.INTENT_REVIEW, DealState.OFFERED)),
            Map.entry(DealCommand.REGISTRATION, Map.of(DealState.CLEARED, DealState.CLEARED, DealState.PAID, DealState.PAID,
                    DealState.RECORDED, DealState.RECORDED)),
            Map.entry(DealCommand.EXPIRE, Map.of(DealState.OFFERED, DealState.EXPIRED, DealState.COUNTERED, DealState.EXPIRED)),
            Map.entry(DealCommand.SIGN, Map.of(DealState.AGREED, DealState.AGREED)),
            Map.entry(DealCommand.CANCEL, Map.of(DealState.AGREED, DealState.CANCELLED, DealState.SIGNED, DealState.CANCELLED,
                    DealState.EXPORT_REVIEW, DealState.CANCELLED, DealState.CLEARED, DealState.CANCELLED)),
            Map.entry(DealCommand.EXPORT_DECISION, Map.of(DealState.EXPORT_REVIEW, DealState.CLEARED)),
            Map.entry(DealCommand.PAYMENT, Map.of(DealState.CLEARED, DealState.PAID)),
            Map.entry(DealCommand.RECORDAL, Map.of(DealState.PAID, DealState.RECORDED)));

    static Stream<Arguments> everyStateAndCommand() {
        return Arrays.stream(DealState.values()).flatMap(state -> LEGAL.keySet().stream()
                .map(command -> Arguments.of(state, command)));
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndCommand")
    void shouldAllowExactlyTheTransitionsOfTheStateMachine(DealState state, DealCommand command) {
        DealBuilder builder = aDeal();
        Deal deal = builder.in(state);
        assertThat(deal.state()).isEqualTo(state);
        DealState expected = LEGAL.get(command).get(state);

        if (expected != null) {
            var changes = give(command, deal, builder);
            assertThat(deal.state()).isEqualTo(expected);
            assertThat(changes).hasSize(1).allSatisfy(change -> {
                assertThat(change.command()).isEqualTo(command);
                assertThat(change.from()).isEqualTo(state);
                assertThat(change.to()).isEqualTo(expected);
            });
        } else {
            long termsVersion = deal.termsVersion();
            assertThatThrownBy(() -> give(command, deal, builder))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.state()).isEqualTo(state);
                        assertThat(e.command()).isEqualTo(command);
                        assertThat(e.getMessage()).contains("state " + state.name()).contains(command.label());
                    });
            assertThat(deal.state()).isEqualTo(state);
            assertThat(deal.termsVersion()).isEqualTo(termsVersion);
        }
    }

    /** Gives the command as the actor who could give it, so only the state decides. */
    private static java.util.List<DealChange> give(DealCommand command, Deal deal, DealBuilder builder) {
        Actor onTurn = deal.turn() == Party.BUYER ? builder.buyer() : builder.seller();
        return switch (command) {
            case COUNTER -> deal.counter(onTurn, DealBuilder.terms("275000.00"), null, LATER);
            case ACCEPT -> deal.accept(onTurn, AVAILABLE, LATER);
            case REJECT -> deal.reject(builder.seller(), "no", LATER);
            case WITHDRAW -> deal.withdraw(builder.buyer(), "no", LATER);
            case EXPIRE -> deal.expire(AFTER_DEADLINE);
            case SIGN -> deal.sign(builder.buyer(), LATER);
            case CANCEL -> deal.cancel(builder.seller(), "changed our mind", LATER);
            case EXPORT_INTENT -> deal.decideIntent(builder.operator(), true, "LOI-1", LATER);
            case EXPORT_DECISION -> deal.decideExport(builder.operator(), true, "licence EXP-1", LATER);
            case REGISTRATION -> deal.registerContract(builder.operator(), "2026620000000417", LATER);
            case PAYMENT -> deal.settlePayment(builder.operator(), "SWIFT-1", LATER);
            case RECORDAL -> deal.recordTransfer(builder.operator(), "CNIPA-1", LocalDate.of(2026, 3, 2), LATER);
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negotiatingStates")
    void shouldOfferTheNegotiationCommandsOnlyToTheRightParty(DealState state) {
        DealBuilder builder = aDeal();
        Deal deal = builder.in(state);
        Actor onTurn = deal.turn() == Party.BUYER ? builder.buyer() : builder.seller();
        Actor waiting = deal.turn() == Party.BUYER ? builder.seller() : builder.buyer();

        assertThat(deal.allowedCommands(onTurn, LATER)).containsExactlyInAnyOrder(
                DealCommand.COUNTER, DealCommand.ACCEPT, DealCommand.REJECT, DealCommand.WITHDRAW);
        assertThat(deal.allowedCommands(waiting, LATER)).containsExactlyInAnyOrder(DealCommand.REJECT, DealCommand.WITHDRAW);
        assertThat(deal.allowedCommands(builder.operator(), LATER)).isEmpty();
    }

    static Stream<DealState> negotiatingStates() {
        return NEGOTIATING.stream();
    }
}
