package org.iprharbor.kit.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.iprharbor.kit.problem.ProblemException;

/**
 * Who is calling, from the verified bearer token: the acting partner is always the token's subject,
 * never a field of the request body.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The subject as an id; partners' subjects are their partner ids. */
    public UUID id() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw new ProblemException(401, "unauthenticated", "Unauthenticated",
                    "The token's subject is not a partner id (UUID).");
        }
    }

    public boolean isOperator() {
        return token.getGroups().contains(Roles.OPERATOR);
    }

    /** Operators act on everything; a partner only on what it owns or is party to. */
    public boolean mayActFor(UUID partnerId) {
        return isOperator() || id().equals(partnerId);
    }
}
