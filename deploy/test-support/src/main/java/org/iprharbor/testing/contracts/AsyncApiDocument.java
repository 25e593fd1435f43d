package org.iprharbor.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * One producer's committed AsyncAPI 3.0 document, read as a contract: which topics it publishes to, which event types
 * (message {@code name} = CloudEvents {@code ce_type}) go to which topic, and where each type's header and payload
 * schemas sit in the document.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String producer;
    private final JsonNode root;
    private final Map<String, String> messageKeyByType = new LinkedHashMap<>();
    private final Map<String, Set<String>> typesByTopic = new LinkedHashMap<>();

    private AsyncApiDocument(String producer, JsonNode root) {
        this.producer = producer;
        this.root = root;
        root.path("components").path("messages").fields().forEachRemaining(message ->
                messageKeyByType.put(message.getValue().path("name").asText(), message.getKey()));
        root.path("channels").forEach(channel -> {
            Set<String> types = new TreeSet<>();
            channel.path("messages").forEach(reference -> types.add(resolve(reference).path("name").asText()));
            typesByTopic.put(channel.path("address").asText(), types);
        });
    }

    /** Reads {@code docs/asyncapi/<producer>/asyncapi.yaml}. */
    public static AsyncApiDocument of(String producer) {
        Path file = ContractFiles.asyncApi(producer);
        try {
            return new AsyncApiDocument(producer, YAML.readTree(ContractFiles.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    public String producer() {
        return producer;
    }

    /** The IRI its schemas are addressed with during validation (never fetched). */
    String iri() {
        return "https://iprharbor.org/asyncapi/" + producer + "/asyncapi.json";
    }

    /** The whole document as JSON text, the instance its structure is checked as. */
    String json() {
        return write(root);
    }

    /**
     * Only its {@code components}, as the resource its schemas are addressed in: the document's top-level fields
     * ({@code id}, {@code info}…) are not JSON Schema and must not be read as such.
     */
    String schemasJson() {
        return write(JSON.createObjectNode().set("components", root.path("components")));
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event type it documents (the messages' names). */
    public Set<String> types() {
        return new TreeSet<>(messageKeyByType.keySet());
    }

    /** The topics it publishes to, each with the event types its channel carries. */
    public Map<String, Set<String>> typesByTopic() {
        return typesByTopic;
    }

    /** The topic whose channel carries the type. */
    public String topicOf(String type) {
        return typesByTopic.entrySet().stream().filter(entry -> entry.getValue().contains(type)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(producer + " puts " + type + " on no channel"));
    }

    public boolean documents(String type) {
        return messageKeyByType.containsKey(type);
    }

    /** Location of the type's payload schema, e.g. {@code …asyncapi.json#/components/messages/dealOpened/payload}. */
    String payloadSchema(String type) {
        return iri() + "#/components/messages/" + messageKey(type) + "/payload";
    }

    String headersSchema(String type) {
        return iri() + "#/components/messages/" + messageKey(type) + "/headers";
    }

    /** The examples the document gives for a type, as (name, headers JSON, payload JSON). */
    List<Example> examples(String type) {
        List<Example> examples = new ArrayList<>();
        root.path("components").path("messages").path(messageKey(type)).path("examples").forEach(example ->
                examples.add(new Example(example.path("name").asText(), example.path("headers").toString(),
                        example.path("payload").toString())));
        return examples;
    }

    record Example(String name, String headersJson, String payloadJson) {
    }

    private String messageKey(String type) {
        String key = messageKeyByType.get(type);
        if (key == null) {
            throw new IllegalArgumentException(producer + " documents no event type " + type);
        }
        return key;
    }

    /** Follows a local {@code $ref} ({@code #/components/messages/x}, {@code #/channels/y/messages/x}) to the object. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalStateException(producer + ": only local references are supported, found " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
