package org.iprharbor.deal.support;

import org.iprharbor.testing.HarborTestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every deal-service @QuarkusTest runs against the real broker and the real {@code deal} database.
 */
@QuarkusTestResource(value = HarborTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "deal"))
public class DealTestInfrastructure {
}
