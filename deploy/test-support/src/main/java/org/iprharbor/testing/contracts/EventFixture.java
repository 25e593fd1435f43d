package org.iprharbor.testing.contracts;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.iprharbor.testing.KafkaProbe;

/**
 * One event built from a consumer's fixture: change the fields a test cares about, then publish it on the producer's
 * topic (where {@link KafkaProbe#publishCloudEvent} checks it against the producer's schema first).
 */
public final class EventFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;
    private final ObjectNode payload;

    EventFixture(String type, ObjectNode payload) {
        this.type = type;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    /**
     * Sets a field, creating objects on the way: {@code set("terms.price.amount", "300000.00")}. Values are written
     * as Jackson writes them (a UUID or enum as a string, a list as an array, null as null).
     */
    public EventFixture set(String path, Object value) {
        String[] names = path.split("\\.");
        ObjectNode parent = payload;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
        }
        parent.set(names[names.length - 1], JSON.valueToTree(value));
        return this;
    }

    /** Sets a field to raw JSON, e.g. {@code setJson("titles", "{\"zh\":\"…\"}")}. */
    public EventFixture setJson(String path, String json) {
        try {
            return set(path, JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    public String json() {
        return payload.toString();
    }

    /**
     * Publishes it as its producer would, on the topic the producer's document names for the type, keyed by
     * {@code key} (also ce_subject), with {@code sequence} as ce_sequence.
     */
    public UUID publish(UUID key, UUID eventId, long sequence) {
        String topic = EventContracts.load().producerOf(type)
                .orElseThrow(() -> new IllegalStateException("no producer documents " + type)).topicOf(type);
        KafkaProbe.publishCloudEvent(topic, key.toString(), eventId.toString(), type, sequence, json());
        return eventId;
    }
}
