package org.iprharbor.deal.security;

import org.iprharbor.testing.AuthenticationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Forged, expired and otherwise wrong tokens get 401 from deal-service.
 */
@QuarkusTest
class AuthenticationTest extends AuthenticationContract {

    @Override
    protected String protectedPath() {
        return "/deals?limit=1";
    }
}
