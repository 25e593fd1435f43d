package org.iprharbor.deal;

import org.iprharbor.testing.ArchitectureContract;

/**
 * deal-service keeps the platform's layering.
 */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("org.iprharbor.deal");
    }
}
