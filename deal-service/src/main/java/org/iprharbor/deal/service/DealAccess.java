package org.iprharbor.deal.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.iprharbor.deal.domain.Actor;
import org.iprharbor.deal.domain.ActorRole;
import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.domain.DealCommand;
import org.iprharbor.deal.domain.Party;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;

/**
 * Object-level authorisation: a deal exists for its two parties and for operators; anyone else gets the
 * same 404 as for a deal that does not exist, so deals cannot be probed.
 */
@ApplicationScoped
public class DealAccess {

    private final Caller caller;

    DealAccess(Caller caller) {
        this.caller = caller;
    }

    /** The deal, if the caller may see it; 404 otherwise. */
    public Deal visible(UUID dealId) {
        return visibleOrNotFound(dealId, Deal.findById(dealId));
    }

    /**
     * The deal a command is about, its row locked until the command commits: commands, the expiry job and the
     * deadline clock take their turns on a deal instead of failing on each other's version.
     */
    public Deal forCommand(UUID dealId) {
        return visibleOrNotFound(dealId, Deal.findById(dealId, LockModeType.PESSIMISTIC_WRITE));
    }

    private Deal visibleOrNotFound(UUID dealId, Deal deal) {
        if (deal == null || actorOn(deal) == null) {
            throw ProblemException.notFound("No deal " + dealId + ".");
        }
        return deal;
    }

    /** In which role the caller acts on the deal, or null when it is no party to it. */
    public Actor actorOn(Deal deal) {
        if (caller.isOperator()) {
            return new Actor(caller.id(), ActorRole.OPERATOR);
        }
        Party party = deal.partyOf(caller.id());
        if (party == null) {
            return null;
        }
        return new Actor(caller.id(), party == Party.BUYER ? ActorRole.BUYER : ActorRole.SELLER);
    }

    public List<DealCommand> allowedCommands(Deal deal) {
        Actor actor = actorOn(deal);
        return actor == null ? List.of() : deal.allowedCommands(actor, DealClock.now());
    }
}
