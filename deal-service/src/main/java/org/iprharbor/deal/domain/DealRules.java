package org.iprharbor.deal.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transition table: from which states, and by whom, each command may be given. Conditions that depend on
 * more than the state (whose turn it is, who has signed, the offer's deadline) live in {@link Deal}.
 */
final class DealRules {

    private static final Set<ActorRole> PARTIES = EnumSet.of(ActorRole.BUYER, ActorRole.SELLER);
    private static final Set<ActorRole> OPERATOR = EnumSet.of(ActorRole.OPERATOR);
    private static final Set<ActorRole> SYSTEM = EnumSet.of(ActorRole.SYSTEM);

    private static final Map<DealCommand, Set<DealState>> FROM = new EnumMap<>(DealCommand.class);
    private static final Map<DealCommand, Set<ActorRole>> BY = new EnumMap<>(DealCommand.class);

    static {
        rule(DealCommand.COUNTER, DealState.NEGOTIATING, PARTIES);
        rule(DealCommand.ACCEPT, DealState.NEGOTIATING, PARTIES);
        rule(DealCommand.REJECT, DealState.NEGOTIATING, PARTIES);
        rule(DealCommand.WITHDRAW, DealState.NEGOTIATING, PARTIES);
        rule(DealCommand.EXPIRE, DealState.NEGOTIATING, SYSTEM);
        rule(DealCommand.SIGN, EnumSet.of(DealState.AGREED), PARTIES);
        rule(DealCommand.EXPORT_CONTROL, EnumSet.of(DealState.SIGNED), SYSTEM);
        rule(DealCommand.EXPORT_DECISION, EnumSet.of(DealState.EXPORT_REVIEW), OPERATOR);
        rule(DealCommand.PAYMENT, EnumSet.of(DealState.CLEARED), OPERATOR);
        rule(DealCommand.RECORDAL, EnumSet.of(DealState.PAID), OPERATOR);
        rule(DealCommand.COMPLETE, EnumSet.of(DealState.RECORDED), SYSTEM);
        rule(DealCommand.CANCEL, DealState.CANCELLABLE, PARTIES);
    }

    private DealRules() {
    }

    private static void rule(DealCommand command, Set<DealState> from, Set<ActorRole> by) {
        FROM.put(command, EnumSet.copyOf(from));
        BY.put(command, by);
    }

    /** Why the table refuses the command, or null when the state and role allow it. */
    static String refusal(DealCommand command, DealState state, ActorRole role) {
        Set<DealState> from = FROM.getOrDefault(command, Set.of());
        if (!from.contains(state)) {
            return from.isEmpty() ? "it is not a command on an existing deal"
                    : command.label() + " is only possible in " + from.stream().map(Enum::name)
                            .collect(Collectors.joining(", "));
        }
        if (!BY.get(command).contains(role)) {
            return "the " + role.name().toLowerCase() + " may not " + command.label() + " this deal";
        }
        return null;
    }

    /** States from which the command is possible at all (for tests and documentation). */
    static Set<DealState> statesAllowing(DealCommand command) {
        return FROM.getOrDefault(command, Set.of());
    }
}
