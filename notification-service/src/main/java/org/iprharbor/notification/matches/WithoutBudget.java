package org.iprharbor.notification.matches;

import java.util.Iterator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.iprharbor.kit.events.IncomingEvent;
import org.iprharbor.kit.events.PoisonEventException;

/**
 * A need's budget is for its owner and operators only. The catalog never publishes it, but what this service keeps
 * and passes on (event log, webhooks, replays, notices) must not depend on that: any {@code budget} field, at any
 * depth, is removed on receipt, before the event is kept anywhere.
 */
@ApplicationScoped
class WithoutBudget {

    private static final String BUDGET = "budget";

    private final ObjectMapper json;

    WithoutBudget(ObjectMapper json) {
        this.json = json;
    }

    IncomingEvent of(IncomingEvent event) {
        try {
            JsonNode payload = json.readTree(event.payload());
            if (!strip(payload)) {
                return event;
            }
            return new IncomingEvent(event.id(), event.source(), event.type(), event.subject(), event.sequence(),
                    event.time(), json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("payload of " + event.type() + " " + event.id() + " is not JSON", e);
        }
    }

    /** Removes every budget field below {@code node}; true if there was one. */
    private static boolean strip(JsonNode node) {
        boolean stripped = false;
        if (node instanceof ObjectNode object && object.remove(BUDGET) != null) {
            stripped = true;
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
            stripped |= strip(children.next());
        }
        return stripped;
    }
}
