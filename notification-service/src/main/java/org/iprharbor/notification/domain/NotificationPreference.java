package org.iprharbor.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The channels a partner wants to be told on; a partner without a row gets every channel.
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(nullable = false)
    public boolean email;

    @Column(nullable = false)
    public boolean inbox;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The partner's choice, or every channel when it made none. */
    public static NotificationPreference of(UUID partnerId) {
        NotificationPreference preference = findById(partnerId);
        if (preference != null) {
            return preference;
        }
        NotificationPreference defaults = new NotificationPreference();
        defaults.partnerId = partnerId;
        defaults.email = true;
        defaults.inbox = true;
        return defaults;
    }
}
