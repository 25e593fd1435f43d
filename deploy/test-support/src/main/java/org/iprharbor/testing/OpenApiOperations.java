package org.iprharbor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The operations of an OpenAPI 3 document, with their parameters and body schema resolved, as the fuzzer needs
 * them.
 */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A parameter: where it goes ({@code path}, {@code query}, {@code header}), its name and schema. */
    record Parameter(String in, String name, JsonNode schema) {
    }

    /** One operation of the API. */
    record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema, boolean streams) {

        boolean takesBody() {
            return bodySchema != null;
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(operation(method, path.getKey(), path.getValue(), operation));
                }
            }
        }
        return operations;
    }

    /** Follows a local {@code $ref} (and the first branch of allOf/oneOf/anyOf); other schemas as they are. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && hops < 20; hops++) {
            if (current.has("$ref")) {
                current = document.at(current.get("$ref").asText().substring(1));
            } else if (current.has("allOf") || current.has("oneOf") || current.has("anyOf")) {
                JsonNode branches = current.has("allOf") ? current.get("allOf") : current.has("oneOf") ? current.get("oneOf") : current.get("anyOf");
                current = branches.get(0);
            } else {
                return current;
            }
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new Parameter(resolved.path("in").asText(), resolved.path("name").asText(),
                        resolve(resolved.path("schema"))));
            }
        }
        JsonNode content = resolve(operation.path("requestBody")).path("content");
        JsonNode body = content.has("application/json") ? content.get("application/json").path("schema") : null;
        if (body == null && content.size() > 0) {
            body = content.elements().next().path("schema");
        }
        boolean streams = operation.path("responses").toString().contains("text/event-stream");
        return new Operation(method, path, List.copyOf(parameters), body == null ? null : resolve(body), streams);
    }
}
