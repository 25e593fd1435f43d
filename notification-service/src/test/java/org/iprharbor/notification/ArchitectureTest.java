package org.iprharbor.notification;

import org.iprharbor.testing.ArchitectureContract;

/**
 * notification-service keeps the platform's layering.
 */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("org.iprharbor.notification");
    }
}
