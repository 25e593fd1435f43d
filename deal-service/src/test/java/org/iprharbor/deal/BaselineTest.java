package org.iprharbor.deal;

import org.iprharbor.testing.ServiceBaselineContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The platform's service baseline (health, metrics, OpenAPI, problem+json) holds for deal-service.
 */
@QuarkusTest
class BaselineTest extends ServiceBaselineContract {
}
