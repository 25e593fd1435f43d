package org.iprharbor.deal.domain;

import org.iprharbor.kit.problem.ProblemException;

/**
 * A command that the deal's current state (or the caller's place in it) does not allow: 409 problem+json
 * naming the state and the command.
 */
public class IllegalTransitionException extends ProblemException {

    private final DealState state;
    private final DealCommand command;

    public IllegalTransitionException(DealState state, DealCommand command, String why) {
        super(409, "illegal-transition", "Illegal transition",
                "Cannot " + command.label() + " a deal in state " + state + (why == null ? "." : ": " + why));
        this.state = state;
        this.command = command;
    }

    public DealState state() {
        return state;
    }

    public DealCommand command() {
        return command;
    }
}
