package org.iprharbor.notification.security;

import org.iprharbor.testing.AuthenticationContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Forged, expired and otherwise wrong tokens get 401 from notification-service.
 */
@QuarkusTest
class AuthenticationTest extends AuthenticationContract {

    @Override
    protected String protectedPath() {
        return "/inbox";
    }
}
