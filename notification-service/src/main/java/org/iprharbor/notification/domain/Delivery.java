package org.iprharbor.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One message to deliver on one channel, in the durable queue: survives restarts, and is claimed by one
 * worker at a time (a lease), retried with backoff until delivered or dead.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /** How a notification leaves the platform; each value has exactly one sender (a {@code ChannelSender} bean). */
    public enum Channel {
        EMAIL, WEBHOOK
    }

    /** Where a delivery stands. */
    public enum Status {
        PENDING, SENDING, RETRYING, DELIVERED, DEAD
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** The partner (email) or the webhook subscription. */
    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    /** Also the {@code webhook-id}: the same on every retry and replay, so receivers can deduplicate. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String address;

    @Column
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column
    public String html;

    @Column
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** A replay was asked for while this delivery was being sent: send it again once this attempt is recorded. */
    @Column(nullable = false)
    public boolean resend;

    /** The trace of what queued it (W3C Trace Context), continued when it is sent; null when untraced. */
    @Column
    public String traceparent;

    @Column
    public String tracestate;
}
