package org.iprharbor.testing;

import java.time.Duration;
import java.util.UUID;

/**
 * Bearer tokens signed with the test key pair that {@link HarborTestInfrastructure} gives the services.
 */
public final class TestTokens {

    public static final UUID OPERATOR_ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    public static final UUID INTEGRATOR_ID = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    /** A partner's token: its subject is the partner id. */
    public static String partner(UUID partnerId) {
        return mint(partnerId, "partner");
    }

    public static String operator() {
        return mint(OPERATOR_ID, "operator");
    }

    public static String integrator() {
        return mint(INTEGRATOR_ID, "integrator");
    }

    /** A token for any subject and group, for tests of what a wrong role may not do. */
    public static String mint(UUID subject, String group) {
        return HarborTestInfrastructure.running().keys().token(subject.toString(), group, LIFETIME);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
