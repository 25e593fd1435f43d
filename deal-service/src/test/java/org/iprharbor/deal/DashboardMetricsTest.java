package org.iprharbor.deal;

import org.iprharbor.testing.DashboardMetricsContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric the Grafana dashboards query is one deal-service really exposes.
 */
@QuarkusTest
class DashboardMetricsTest extends DashboardMetricsContract {

    DashboardMetricsTest() {
        super("deal-service");
    }
}
