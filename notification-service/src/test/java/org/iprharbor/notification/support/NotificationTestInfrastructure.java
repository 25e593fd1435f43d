package org.iprharbor.notification.support;

import org.iprharbor.testing.HarborTestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every notification-service @QuarkusTest runs against the real broker and the real {@code notification} database.
 */
@QuarkusTestResource(value = HarborTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
public class NotificationTestInfrastructure {
}
