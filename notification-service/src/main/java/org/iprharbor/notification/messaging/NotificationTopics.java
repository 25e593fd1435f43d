package org.iprharbor.notification.messaging;

/**
 * The topic notification-service publishes to, and its event types.
 */
public final class NotificationTopics {

    public static final String NOTIFICATIONS = "harbor.notifications.v1";
    public static final String DELIVERED = "org.iprharbor.notification.notification-delivered.v1";
    public static final String FAILED = "org.iprharbor.notification.notification-failed.v1";
    public static final String ENDPOINT_DISABLED = "org.iprharbor.notification.endpoint-disabled.v1";

    private NotificationTopics() {
    }
}
