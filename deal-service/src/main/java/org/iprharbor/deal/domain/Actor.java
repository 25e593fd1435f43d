package org.iprharbor.deal.domain;

import java.util.UUID;

/**
 * Who performs a command: a party, an operator, or the service itself (expiry, automatic export control).
 */
public record Actor(UUID id, ActorRole role) {

    public static Actor system() {
        return new Actor(null, ActorRole.SYSTEM);
    }

    public Party party() {
        return role.party();
    }
}
