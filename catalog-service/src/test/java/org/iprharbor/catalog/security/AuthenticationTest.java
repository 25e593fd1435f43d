package org.iprharbor.catalog.security;

import org.iprharbor.testing.AuthenticationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Forged, expired and otherwise wrong tokens get 401 from catalog-service.
 */
@QuarkusTest
class AuthenticationTest extends AuthenticationContract {

    @Override
    protected String protectedPath() {
        return "/patents?limit=1";
    }
}
