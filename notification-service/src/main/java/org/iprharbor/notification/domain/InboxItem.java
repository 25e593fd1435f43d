package org.iprharbor.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One notification in a partner's in-app inbox, already written in the partner's language.
 */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The deal or patent the notification is about. */
    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** The writing transaction's id (set by the database): the first part of the item's stream cursor. */
    @Column(name = "stream_tx", insertable = false, updatable = false)
    public Long streamTx;

    /** Set by the database: orders the items one transaction wrote. */
    @Column(name = "stream_position", insertable = false, updatable = false)
    public Long streamPosition;
}
