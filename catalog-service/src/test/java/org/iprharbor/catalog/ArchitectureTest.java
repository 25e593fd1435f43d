package org.iprharbor.catalog;

import org.iprharbor.testing.ArchitectureContract;

/**
 * catalog-service keeps the platform's layering.
 */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("org.iprharbor.catalog");
    }
}
