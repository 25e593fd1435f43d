package org.iprharbor.notification.support;

import org.iprharbor.testing.HarborTestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every notification-service @QuarkusTest runs against the real broker, the real {@code notification} database
 * and a real SMTP server.
 */
@QuarkusTestResource(value = HarborTestInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(value = MailServer.class, restrictToAnnotatedClass = false)
public class NotificationTestInfrastructure {
}
