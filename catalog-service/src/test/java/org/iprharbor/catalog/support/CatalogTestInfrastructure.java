package org.iprharbor.catalog.support;

import org.iprharbor.testing.HarborTestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every catalog @QuarkusTest runs against the real broker and the real {@code catalog} database.
 */
@QuarkusTestResource(value = HarborTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
public class CatalogTestInfrastructure {
}
