package org.iprharbor.kit.security;

/**
 * The groups a token may carry ({@code groups} claim).
 */
public final class Roles {

    public static final String PARTNER = "partner";
    public static final String OPERATOR = "operator";
    public static final String INTEGRATOR = "integrator";

    private Roles() {
    }
}
