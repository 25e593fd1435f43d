package org.iprharbor.kit.events;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads event payloads. Unknown fields are ignored (producers may add fields within a version), but a
 * payload that does not fit the expected record is poison.
 */
@ApplicationScoped
public class EventPayloads {

    private final ObjectMapper json;

    EventPayloads(ObjectMapper json) {
        this.json = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + event.type() + " " + event.id() + " is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
