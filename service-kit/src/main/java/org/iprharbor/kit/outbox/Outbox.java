package org.iprharbor.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.tracing.TraceParent;

/**
 * Records an event in the caller's database transaction, so the state change and its event commit or
 * roll back together; {@link OutboxRelay} publishes it to Kafka after the commit. The row keeps the current span's
 * context (the request's, or the consumer's that applied an event), so publishing the event continues that trace.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<OutboxAppended> appended;

    Outbox(EntityManager entityManager, ObjectMapper json, Event<OutboxAppended> appended) {
        this.entityManager = entityManager;
        this.json = json;
        this.appended = appended;
    }

    /**
     * @param topic       the Kafka topic; the record key is the aggregate id, which keeps the aggregate's events in order
     * @param type        the CloudEvents type, e.g. {@code org.iprharbor.catalog.partner-registered.v1}
     * @param aggregateId the changed aggregate (Kafka key and ce_subject)
     * @param sequence    the aggregate's version after the change, so consumers can order and spot gaps
     * @param payload     a record serialised as JSON
     * @return the event id (ce_id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, UUID aggregateId, long sequence, Object payload) {
        UUID eventId = UUID.randomUUID();
        TraceParent trace = TraceParent.current();
        entityManager.createNativeQuery("""
                INSERT INTO outbox (event_id, topic, event_key, event_type, subject, sequence, occurred_at, payload,
                                    traceparent, tracestate)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""")
                .setFlushMode(FlushModeType.COMMIT) // an insert that reads no entity: no need to flush the session first
                .setParameter(1, eventId)
                .setParameter(2, topic)
                .setParameter(3, aggregateId.toString())
                .setParameter(4, type)
                .setParameter(5, aggregateId.toString())
                .setParameter(6, sequence)
                .setParameter(7, Instant.now())
                .setParameter(8, serialise(payload))
                .setParameter(9, trace == null ? null : trace.traceparent())
                .setParameter(10, trace == null ? null : trace.tracestate())
                .executeUpdate();
        appended.fire(new OutboxAppended(eventId));
        return eventId;
    }

    private String serialise(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }

    /** Fired inside the transaction; the relay wakes up once it has committed. */
    public record OutboxAppended(UUID eventId) {
    }
}
