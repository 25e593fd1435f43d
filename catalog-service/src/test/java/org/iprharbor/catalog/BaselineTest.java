package org.iprharbor.catalog;

import org.iprharbor.testing.ServiceBaselineContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The platform's service baseline (health, metrics, OpenAPI, problem+json) holds for catalog-service.
 */
@QuarkusTest
class BaselineTest extends ServiceBaselineContract {
}
