package org.iprharbor.notification;

import org.iprharbor.testing.DashboardMetricsContract;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every metric the Grafana dashboards query is one notification-service really exposes.
 */
@QuarkusTest
class DashboardMetricsTest extends DashboardMetricsContract {

    DashboardMetricsTest() {
        super("notification-service");
    }
}
