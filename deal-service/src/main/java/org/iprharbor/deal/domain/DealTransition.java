package org.iprharbor.deal.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.iprharbor.deal.domain.DealEventKind.CONTRACT_REGISTERED;
import static org.iprharbor.deal.domain.DealEventKind.CONTRACT_SIGNED;
import static org.iprharbor.deal.domain.DealEventKind.DEAL_CANCELLED;
import static org.iprharbor.deal.domain.DealEventKind.DEAL_COMPLETED;
import static org.iprharbor.deal.domain.DealEventKind.DEAL_EXPIRED;
import static org.iprharbor.deal.domain.DealEventKind.DEAL_OPENED;
import static org.iprharbor.deal.domain.DealEventKind.DEAL_WITHDRAWN;
import static org.iprharbor.deal.domain.DealEventKind.EXPORT_CLEARED;
import static org.iprharbor.deal.domain.DealEventKind.EXPORT_DENIED;
import static org.iprharbor.deal.domain.DealEventKind.EXPORT_INTENT_GRANTED;
import static org.iprharbor.deal.domain.DealEventKind.EXPORT_INTENT_REFUSED;
import static org.iprharbor.deal.domain.DealEventKind.EXPORT_INTENT_REQUESTED;
import static org.iprharbor.deal.domain.DealEventKind.EXPORT_REVIEW_REQUESTED;
import static org.iprharbor.deal.domain.DealEventKind.OFFER_ACCEPTED;
import static org.iprharbor.deal.domain.DealEventKind.OFFER_COUNTERED;
import static org.iprharbor.deal.domain.DealEventKind.OFFER_REJECTED;
import static org.iprharbor.deal.domain.DealEventKind.PARTY_SIGNED;
import static org.iprharbor.deal.domain.DealEventKind.PAYMENT_SETTLED;
import static org.iprharbor.deal.domain.DealEventKind.TRANSFER_RECORDED;
import static org.iprharbor.deal.domain.DealState.AGREED;
import static org.iprharbor.deal.domain.DealState.CANCELLABLE;
import static org.iprharbor.deal.domain.DealState.CANCELLED;
import static org.iprharbor.deal.domain.DealState.CLEARED;
import static org.iprharbor.deal.domain.DealState.COMPLETED;
import static org.iprharbor.deal.domain.DealState.COUNTERED;
import static org.iprharbor.deal.domain.DealState.EXPIRED;
import static org.iprharbor.deal.domain.DealState.EXPORT_REVIEW;
import static org.iprharbor.deal.domain.DealState.INTENT_REVIEW;
import static org.iprharbor.deal.domain.DealState.IN_EFFECT;
import static org.iprharbor.deal.domain.DealState.LIVE;
import static org.iprharbor.deal.domain.DealState.NEGOTIATING;
import static org.iprharbor.deal.domain.DealState.OFFERED;
import static org.iprharbor.deal.domain.DealState.OFFER_STANDING;
import static org.iprharbor.deal.domain.DealState.PAID;
import static org.iprharbor.deal.domain.DealState.RECORDED;
import static org.iprharbor.deal.domain.DealState.REJECTED;
import static org.iprharbor.deal.domain.DealState.SIGNED;
import static org.iprharbor.deal.domain.DealState.WITHDRAWN;

/**
 * The deal's transition table: each row is one outcome of a command, with the states it starts from, who may give
 * the command, the state it leads to and the event it emits. {@link Deal} takes its targets and events from here;
 * conditions that depend on more than the state (whose turn it is, who has signed, the deadline, the patent) are
 * the aggregate's. A command with several outcomes (signing, export control, export decision) has one row per
 * outcome, all with the same from-states and roles, so whether a command is allowed never depends on its outcome.
 */
public enum DealTransition {

    // the opening offer starts from no state: the deal does not exist before it
    OPEN(DealCommand.OFFER, Set.of(), Roles.BUYER, OFFERED, DEAL_OPENED),
    // restricted technology leaving China: no negotiation before the authority's letter of intent (docs/deal-procedure.md)
    // (a deal migrated from before the procedure may be negotiating or agreed already: it starts over from the review)
    REQUEST_INTENT(DealCommand.INTENT_REQUEST, Set.of(OFFERED, COUNTERED, AGREED), Roles.SYSTEM, INTENT_REVIEW,
            EXPORT_INTENT_REQUESTED),
    // bargaining resumes where it stood: the opening offer, or (for deals migrated mid-negotiation) the latest counter
    GRANT_INTENT(DealCommand.EXPORT_INTENT, Set.of(INTENT_REVIEW), Roles.OPERATOR, OFFERED, EXPORT_INTENT_GRANTED),
    GRANT_INTENT_COUNTERED(DealCommand.EXPORT_INTENT, Set.of(INTENT_REVIEW), Roles.OPERATOR, COUNTERED, EXPORT_INTENT_GRANTED),
    REFUSE_INTENT(DealCommand.EXPORT_INTENT, Set.of(INTENT_REVIEW), Roles.OPERATOR, CANCELLED, EXPORT_INTENT_REFUSED),
    COUNTER(DealCommand.COUNTER, NEGOTIATING, Roles.PARTIES, COUNTERED, OFFER_COUNTERED),
    ACCEPT(DealCommand.ACCEPT, NEGOTIATING, Roles.PARTIES, AGREED, OFFER_ACCEPTED),
    REJECT(DealCommand.REJECT, OFFER_STANDING, Roles.PARTIES, REJECTED, OFFER_REJECTED),
    WITHDRAW(DealCommand.WITHDRAW, OFFER_STANDING, Roles.PARTIES, WITHDRAWN, DEAL_WITHDRAWN),
    // the offer's validity does not run while the authority reviews (it is extended by the review's length on intent)
    EXPIRE(DealCommand.EXPIRE, NEGOTIATING, Roles.SYSTEM, EXPIRED, DEAL_EXPIRED),
    // the first signature is a step of its own (one event per version of the deal) that leaves it AGREED
    SIGN_FIRST(DealCommand.SIGN, Set.of(AGREED), Roles.PARTIES, null, PARTY_SIGNED),
    SIGN_SECOND(DealCommand.SIGN, Set.of(AGREED), Roles.PARTIES, SIGNED, CONTRACT_SIGNED),
    // domestic and freely exportable: in effect on signing; restricted: the exporter applies for the licence
    CLEAR_EXPORT(DealCommand.EXPORT_CONTROL, Set.of(SIGNED), Roles.SYSTEM, CLEARED, EXPORT_CLEARED),
    REVIEW_EXPORT(DealCommand.EXPORT_CONTROL, Set.of(SIGNED), Roles.SYSTEM, EXPORT_REVIEW, EXPORT_REVIEW_REQUESTED),
    // the licence issued: the contract takes effect
    APPROVE_EXPORT(DealCommand.EXPORT_DECISION, Set.of(EXPORT_REVIEW), Roles.OPERATOR, CLEARED, EXPORT_CLEARED),
    // a denied export ends the deal without a separate deal-cancelled (docs/architecture.md)
    DENY_EXPORT(DealCommand.EXPORT_DECISION, Set.of(EXPORT_REVIEW), Roles.OPERATOR, CANCELLED, EXPORT_DENIED),
    // the online registration of a freely exportable technology's contract: a task beside the transfer, not a stage
    REGISTER_CONTRACT(DealCommand.REGISTRATION, IN_EFFECT, Roles.OPERATOR, null, CONTRACT_REGISTERED),
    SETTLE_PAYMENT(DealCommand.PAYMENT, Set.of(CLEARED), Roles.OPERATOR, PAID, PAYMENT_SETTLED),
    RECORD_TRANSFER(DealCommand.RECORDAL, Set.of(PAID), Roles.OPERATOR, RECORDED, TRANSFER_RECORDED),
    COMPLETE(DealCommand.COMPLETE, Set.of(RECORDED), Roles.SYSTEM, COMPLETED, DEAL_COMPLETED),
    CANCEL(DealCommand.CANCEL, CANCELLABLE, Roles.PARTIES, CANCELLED, DEAL_CANCELLED),
    // the deadline clock: a reminder or a missed deadline is a step of the deal (its own version and history line)
    DEADLINE_APPROACHING(DealCommand.CLOCK, LIVE, Roles.SYSTEM, null, DealEventKind.DEADLINE_APPROACHING),
    DEADLINE_MISSED(DealCommand.CLOCK, LIVE, Roles.SYSTEM, null, DealEventKind.DEADLINE_MISSED);

    private final DealCommand command;
    private final Set<DealState> from;
    private final Set<ActorRole> by;
    private final DealState to;
    private final DealEventKind event;

    DealTransition(DealCommand command, Set<DealState> from, Set<ActorRole> by, DealState to, DealEventKind event) {
        this.command = command;
        this.from = from.isEmpty() ? EnumSet.noneOf(DealState.class) : EnumSet.copyOf(from);
        this.by = EnumSet.copyOf(by);
        this.to = to;
        this.event = event;
    }

    public DealCommand command() {
        return command;
    }

    public Set<DealState> from() {
        return EnumSet.copyOf(from);
    }

    public Set<ActorRole> by() {
        return EnumSet.copyOf(by);
    }

    /** The state this row leads to, or null when the deal stays where it is (a signature, a task, the clock). */
    public DealState to() {
        return to;
    }

    /** Where the deal is after this row, taken from {@code before}. */
    DealState after(DealState before) {
        return to == null ? before : to;
    }

    public DealEventKind event() {
        return event;
    }

    /** The step this transition takes from {@code before}, as the event and audit line see it. */
    DealChange change(DealState before, String reason) {
        return change(before, reason, null);
    }

    /** The same, for the deadline clock's rows: which deadline the step is about. */
    DealChange change(DealState before, String reason, DeadlineKind deadline) {
        return new DealChange(event, command, before, after(before), reason, deadline);
    }

    /** States from which {@code command} is possible at all, in the enum's order (e.g. the expiry job's work list). */
    public static Set<DealState> statesAllowing(DealCommand command) {
        Set<DealState> states = EnumSet.noneOf(DealState.class);
        rowsOf(command).forEach(row -> states.addAll(row.from));
        return states;
    }

    /** Why the table refuses {@code command} in {@code state} by {@code role}, or null when it allows it. */
    static String refusal(DealCommand command, DealState state, ActorRole role) {
        Set<DealState> from = statesAllowing(command);
        if (!from.contains(state)) {
            return from.isEmpty() ? "it is not a command on an existing deal"
                    : command.label() + " is only possible in " + from.stream().map(Enum::name)
                            .collect(Collectors.joining(", "));
        }
        if (rowsOf(command).noneMatch(row -> row.by.contains(role))) {
            return "the " + role.name().toLowerCase() + " may not " + command.label() + " this deal";
        }
        return null;
    }

    private static Stream<DealTransition> rowsOf(DealCommand command) {
        return Arrays.stream(values()).filter(row -> row.command == command);
    }

    /** The role sets of the table, named once so its rows stay one line each. */
    private static final class Roles {
        static final Set<ActorRole> BUYER = EnumSet.of(ActorRole.BUYER);
        static final Set<ActorRole> PARTIES = EnumSet.of(ActorRole.BUYER, ActorRole.SELLER);
        static final Set<ActorRole> OPERATOR = EnumSet.of(ActorRole.OPERATOR);
        static final Set<ActorRole> SYSTEM = EnumSet.of(ActorRole.SYSTEM);

        private Roles() {
        }
    }
}
