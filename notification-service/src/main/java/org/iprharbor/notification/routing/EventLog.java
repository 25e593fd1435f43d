package org.iprharbor.notification.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iprharbor.kit.events.CloudEventSequence;
import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;
import org.iprharbor.kit.tracing.TraceParent;

/**
 * Keeps every event received as a CloudEvent in JSON structured form: the body of its webhooks, and what a
 * replay re-sends; with the trace it arrived in, which the ops timeline links to.
 */
@ApplicationScoped
public class EventLog {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    EventLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String record(String topic, IncomingEvent event) {
        String cloudEvent = structured(event);
        TraceParent trace = TraceParent.current();
        entityManager.createNativeQuery("""
                INSERT INTO event_log (event_id, topic, event_type, subject, occurred_at, cloud_event, traceparent)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (event_id) DO NOTHING""")
                .setFlushMode(FlushModeType.COMMIT) // an insert that reads no entity: no need to flush the session first
                .setParameter(1, event.id()).setParameter(2, topic).setParameter(3, event.type())
                .setParameter(4, event.subject()).setParameter(5, event.time()).setParameter(6, cloudEvent)
                .setParameter(7, trace == null ? null : trace.traceparent())
                .executeUpdate();
        return cloudEvent;
    }

    /** An event as {@link #record} kept it. */
    IncomingEvent read(String cloudEvent) {
        try {
            JsonNode node = json.readTree(cloudEvent);
            return new IncomingEvent(UUID.fromString(node.get("id").asText()), node.get("source").asText(),
                    node.get("type").asText(), node.get("subject").asText(), CloudEventSequence.parse(node.get("sequence").asText()),
                    Instant.parse(node.get("time").asText()), json.writeValueAsString(node.get("data")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the event log holds an event that is not JSON", e);
        }
    }

    private String structured(IncomingEvent event) {
        try {
            Map<String, Object> cloudEvent = new LinkedHashMap<>();
            cloudEvent.put("specversion", "1.0");
            cloudEvent.put("id", event.id().toString());
            cloudEvent.put("source", event.source());
            cloudEvent.put("type", event.type());
            cloudEvent.put("subject", event.subject());
            cloudEvent.put("time", event.time().toString());
            cloudEvent.put("sequence", CloudEventSequence.format(event.sequence()));
            cloudEvent.put("datacontenttype", "application/json");
            cloudEvent.put("data", json.readTree(event.payload()));
            return json.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + event.type() + " " + event.id() + " is not JSON", e);
        }
    }
}
