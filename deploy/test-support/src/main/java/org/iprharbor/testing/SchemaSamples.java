package org.iprharbor.testing;

import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plausible value for a JSON schema (every property present, the first enum constant, a well-formed value for each
 * format), from which the fuzzer derives its hostile variants. Seeded, so every run sends the same requests.
 */
final class SchemaSamples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    private final OpenApiOperations api;
    private final Random random;

    SchemaSamples(OpenApiOperations api, long seed) {
        this.api = api;
        this.random = new Random(seed);
    }

    JsonNode sample(JsonNode schema) {
        return sample(schema, 0);
    }

    /** The schema's type, the first non-null one when it is a list (OpenAPI 3.1). */
    String typeOf(JsonNode schema) {
        JsonNode resolved = api.resolve(schema);
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return resolved.has("properties") ? "object" : "string";
    }

    /** The schema of one property of an object schema (or of its map values). */
    JsonNode resolveProperty(JsonNode objectSchema, String name) {
        JsonNode resolved = api.resolve(objectSchema);
        JsonNode property = resolved.path("properties").path(name);
        if (property.isMissingNode() && resolved.path("additionalProperties").isObject()) {
            property = resolved.get("additionalProperties");
        }
        return api.resolve(property);
    }

    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode resolved = api.resolve(schema);
        if (resolved.has("enum") && resolved.get("enum").size() > 0) {
            return resolved.get("enum").get(0);
        }
        return switch (typeOf(resolved)) {
            case "object" -> object(resolved, depth);
            case "array" -> depth >= MAX_DEPTH ? JSON.arrayNode() : JSON.arrayNode().add(sample(resolved.path("items"), depth + 1));
            case "integer" -> JSON.numberNode(1 + random.nextInt(5));
            case "number" -> JSON.numberNode(100 + random.nextInt(900));
            case "boolean" -> JSON.booleanNode(true);
            default -> JSON.textNode(string(resolved.path("format").asText()));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        if (depth >= MAX_DEPTH) {
            return object;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), sample(property.getValue(), depth + 1));
        }
        if (schema.path("additionalProperties").isObject()) {
            object.set("en", sample(schema.get("additionalProperties"), depth + 1));
        }
        return object;
    }

    private String string(String format) {
        return switch (format) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date" -> "2024-05-06";
            case "date-time" -> "2030-05-06T10:15:30Z";
            case "email" -> "fuzz@example.org";
            case "uri", "url" -> "https://example.org/hook";
            default -> "fuzz-" + random.nextInt(1000);
        };
    }
}
