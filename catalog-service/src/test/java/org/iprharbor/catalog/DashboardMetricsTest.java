package org.iprharbor.catalog;

import org.iprharbor.testing.DashboardMetricsContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric the Grafana dashboards query is one catalog-service really exposes.
 */
@QuarkusTest
class DashboardMetricsTest extends DashboardMetricsContract {

    DashboardMetricsTest() {
        super("catalog-service");
    }
}
