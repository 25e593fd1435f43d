package org.iprharbor.testing.contracts;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's published event contracts, loaded from every producer's committed AsyncAPI document: checks a record
 * (CloudEvents headers, key, topic and payload), a payload alone, a document's structure against the official
 * AsyncAPI 3.0.0 schema, its examples, and the consumers' fixtures. Every check returns readable
 * {@link Violation}s (type, event id, JSON path, message) rather than throwing, so a test can list them all.
 */
public final class EventContracts {

    /** The {@code $id} of the official AsyncAPI 3.0.0 JSON Schema. */
    private static final String ASYNCAPI_SCHEMA = "http://asyncapi.com/definitions/3.0.0/asyncapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventContracts loaded;

    private final Map<String, AsyncApiDocument> documents = new LinkedHashMap<>();
    private final JsonSchemas schemas;

    private EventContracts(List<AsyncApiDocument> producers) {
        Map<String, String> texts = new HashMap<>();
        texts.put(ASYNCAPI_SCHEMA, ContractFiles.read(ContractFiles.asyncApiSpecification()));
        for (AsyncApiDocument document : producers) {
            documents.put(document.producer(), document);
            texts.put(document.iri(), document.schemasJson());
        }
        this.schemas = new JsonSchemas(texts);
    }

    /** Every producer's document under {@code docs/asyncapi}, read once per test JVM. */
    public static synchronized EventContracts load() {
        if (loaded == null) {
            loaded = new EventContracts(ContractFiles.producers().stream().map(AsyncApiDocument::of).toList());
        }
        return loaded;
    }

    public AsyncApiDocument document(String producer) {
        AsyncApiDocument document = documents.get(producer);
        if (document == null) {
            throw new IllegalArgumentException("no AsyncAPI document for " + producer + " under " + ContractFiles.directory());
        }
        return document;
    }

    /** The producer whose document defines the type, if any does. */
    public Optional<AsyncApiDocument> producerOf(String type) {
        return documents.values().stream().filter(document -> document.documents(type)).findFirst();
    }

    /** The document against the official AsyncAPI 3.0.0 JSON Schema. */
    public List<Violation> checkStructure(String producer) {
        AsyncApiDocument document = document(producer);
        return schemas.validate(ASYNCAPI_SCHEMA, document.json()).stream()
                .map(problem -> violation("asyncapi.yaml of " + producer, "-", problem)).toList();
    }

    /** Each example in the document against its own message's header and payload schemas. */
    public List<Violation> checkExamples(String producer) {
        AsyncApiDocument document = document(producer);
        List<Violation> violations = new ArrayList<>();
        for (String type : document.types()) {
            List<AsyncApiDocument.Example> examples = document.examples(type);
            if (examples.isEmpty()) {
                violations.add(new Violation(type, "-", "examples", "the message has no example"));
            }
            for (AsyncApiDocument.Example example : examples) {
                String where = "example " + example.name();
                schemas.validate(document.headersSchema(type), example.headersJson())
                        .forEach(problem -> violations.add(violation(type, where, "headers " + problem)));
                schemas.validate(document.payloadSchema(type), example.payloadJson())
                        .forEach(problem -> violations.add(violation(type, where, "payload " + problem)));
            }
        }
        return violations;
    }

    /** A payload against its type's schema; a type no producer documents is a violation too. */
    public List<Violation> checkPayload(String type, String eventId, String json) {
        Optional<AsyncApiDocument> producer = producerOf(type);
        if (producer.isEmpty()) {
            return List.of(new Violation(type, eventId, "ce_type", "no producer documents this event type"));
        }
        return schemas.validate(producer.get().payloadSchema(type), json).stream()
                .map(problem -> violation(type, eventId, "payload " + problem)).toList();
    }

    /**
     * A record as a consumer receives it: the topic's channel carries the type, the CloudEvents headers and the payload
     * match the type's schemas, and the key is the subject.
     */
    public List<Violation> checkRecord(ConsumerRecord<String, String> record) {
        Map<String, String> headers = headers(record);
        String type = headers.getOrDefault("ce_type", "(no ce_type)");
        String eventId = headers.getOrDefault("ce_id", record.topic() + "@" + record.partition() + ":" + record.offset());
        Optional<AsyncApiDocument> producer = producerOf(type);
        if (producer.isEmpty()) {
            return List.of(new Violation(type, eventId, "ce_type", "no producer documents this event type (topic "
                    + record.topic() + ")"));
        }
        List<Violation> violations = new ArrayList<>();
        if (!producer.get().typesByTopic().getOrDefault(record.topic(), Set.of()).contains(type)) {
            violations.add(new Violation(type, eventId, "topic", "published to " + record.topic()
                    + ", but the document puts this type on " + producer.get().topicOf(type)));
        }
        if (record.key() == null || !record.key().equals(headers.get("ce_subject"))) {
            violations.add(new Violation(type, eventId, "key", "the record key " + record.key()
                    + " is not the subject " + headers.get("ce_subject")));
        }
        schemas.validate(producer.get().headersSchema(type), toJson(headers))
                .forEach(problem -> violations.add(violation(type, eventId, "headers " + problem)));
        violations.addAll(checkPayload(type, eventId, record.value() == null ? "null" : record.value()));
        return violations;
    }

    /** Every consumer's fixture of a type this producer publishes, against the producer's schema. */
    public List<Violation> checkConsumerFixtures(String producer) {
        AsyncApiDocument document = document(producer);
        List<Violation> violations = new ArrayList<>();
        for (Path fixture : ContractFiles.allConsumerFixtures()) {
            String type = EventFixtures.typeOf(fixture);
            if (document.documents(type)) {
                String where = ContractFiles.directory().relativize(fixture).toString();
                violations.addAll(checkPayload(type, where, ContractFiles.read(fixture)));
            }
        }
        return violations;
    }

    /** Throws with every violation listed when the payload breaks its type's contract. */
    public void requireValidPayload(String type, String eventId, String json) {
        List<Violation> violations = checkPayload(type, eventId, json);
        if (!violations.isEmpty()) {
            throw new AssertionError("payload breaks the published contract (publish it raw if that is the point):\n  "
                    + String.join("\n  ", violations.stream().map(Violation::toString).toList()) + "\n" + json);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String toJson(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits the validator's "path: message" into a violation. */
    private static Violation violation(String type, String eventId, String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? new Violation(type, eventId, "$", problem)
                : new Violation(type, eventId, problem.substring(0, colon), problem.substring(colon + 2));
    }
}
