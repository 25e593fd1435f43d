package org.iprharbor.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hostile requests for one operation: every path, query and header parameter replaced by each hostile value;
 * and for a body, malformed and oddly typed JSON, each field wrong in each way (type, null, huge, 1e1000000, NUL,
 * invalid UTF-8), unknown fields, deep nesting, wrong content types and bodies over the size limit.
 */
final class HostileRequests {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MARKER = "\u2603RAW\u2603";
    private static final int OVERSIZED = 1_500_000;
    private static final int NESTING = 50_000;

    private final OpenApiOperations.Operation operation;
    private final SchemaSamples samples;
    private final JsonNode exampleBody;
    private final Map<String, String> validPathValues = new LinkedHashMap<>();

    /**
     * @param exampleBody a body known to be valid, or null for one sampled from the schema (whose values may fail
     *        validation before a mutated field is even looked at)
     * @param examplePathValues path values known to exist (others are sampled, so mostly unknown ids)
     */
    HostileRequests(OpenApiOperations.Operation operation, SchemaSamples samples, JsonNode exampleBody,
            Map<String, String> examplePathValues) {
        this.operation = operation;
        this.samples = samples;
        this.exampleBody = exampleBody;
        operation.in("path").forEach(parameter -> validPathValues.put(parameter.name(),
                examplePathValues.getOrDefault(parameter.name(), samples.sample(parameter.schema()).asText())));
    }

    /** The operation called as documented: sample path values, no optional parameter, a plausible body. */
    FuzzRequest valid() {
        return request("valid", path(Map.of()), "", validBody());
    }

    List<FuzzRequest> all() {
        List<FuzzRequest> requests = new ArrayList<>();
        requests.add(valid());
        for (OpenApiOperations.Parameter parameter : operation.in("path")) {
            HostileValues.URL.forEach(value -> requests.add(request("path " + parameter.name() + ": " + value.label(),
                    path(Map.of(parameter.name(), value.value())), "", validBody())));
        }
        for (OpenApiOperations.Parameter parameter : operation.in("query")) {
            HostileValues.URL.forEach(value -> requests.add(request("query " + parameter.name() + ": " + value.label(),
                    path(Map.of()), "?" + parameter.name() + "=" + value.value(), validBody())));
            requests.add(request("query " + parameter.name() + " twice", path(Map.of()),
                    "?" + parameter.name() + "=1&" + parameter.name() + "=2", validBody()));
        }
        for (OpenApiOperations.Parameter parameter : operation.in("header")) {
            HostileValues.HEADER.forEach(value -> requests.add(request("header " + parameter.name() + ": " + value.label(),
                    path(Map.of()), "", validBody()).withHeader(parameter.name(), value.value())));
        }
        if (operation.takesBody()) {
            requests.addAll(bodies());
        }
        return requests;
    }

    /** The body cases that need no knowledge of the schema: what a caller without the right role also sends. */
    List<FuzzRequest> malformedBodies() {
        List<FuzzRequest> requests = new ArrayList<>();
        String path = path(Map.of());
        requests.add(raw("not JSON", path, "not json"));
        requests.add(raw("truncated JSON", path, "{\"a\":"));
        requests.add(raw("deeply nested arrays", path, "[".repeat(NESTING) + "]".repeat(NESTING)));
        requests.add(raw("deeply nested objects", path, "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)));
        requests.add(raw("1e1000000 as the body", path, "1e1000000"));
        requests.add(request("invalid UTF-8 bytes", path, "", new byte[] { '{', '"', (byte) 0xC3, 0x28, (byte) 0xFF, '"', ':', '1', '}' }));
        return requests;
    }

    private List<FuzzRequest> bodies() {
        String path = path(Map.of());
        List<FuzzRequest> requests = new ArrayList<>(malformedBodies());
        requests.add(raw("empty body", path, ""));
        requests.add(raw("empty object", path, "{}"));
        requests.add(raw("array", path, "[]"));
        requests.add(raw("null", path, "null"));
        requests.add(raw("string", path, "\"text\""));
        requests.add(raw("number", path, "42"));
        requests.add(raw("trailing comma", path, "{\"a\":1,}"));
        requests.add(raw("NaN", path, "{\"a\":NaN}"));
        if (validBody() instanceof ObjectNode body) {
            ObjectNode unknown = body.deepCopy();
            unknown.put("unknownField", "x");
            unknown.set("__proto__", JSON.objectNode().put("admin", true));
            requests.add(request("unknown fields", path, "", bytes(unknown)));
            ObjectNode owned = body.deepCopy();
            owned.put("id", "00000000-0000-0000-0000-000000000001").put("owner", "00000000-0000-0000-0000-000000000001")
                    .put("status", "COMPLETED").put("version", 99);
            requests.add(request("mass assignment of id, owner, status, version", path, "", bytes(owned)));
            fieldMutations(body, body, operation.bodySchema(), "", requests, path, 0);
        }
        requests.addAll(contentTypes(path));
        byte[] big = ("{\"padding\":\"" + "A".repeat(OVERSIZED) + "\"}").getBytes(StandardCharsets.UTF_8);
        requests.add(request("1.5 MB body", path, "", big));
        requests.add(new FuzzRequest("1.5 MB body, chunked", operation.method(), path, Map.of("Content-Type", "application/json"), big, true));
        return requests;
    }

    /** Each field of the body (nested objects too) replaced in turn by each wrong value. */
    private void fieldMutations(ObjectNode root, JsonNode current, JsonNode schema, String prefix, List<FuzzRequest> out,
            String path, int depth) {
        if (!(current instanceof ObjectNode object) || depth > 2) {
            return;
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode propertySchema = samples.resolveProperty(schema, name);
            String field = prefix + name;
            for (Map.Entry<String, JsonNode> wrong : wrongValues(samples.typeOf(propertySchema)).entrySet()) {
                ObjectNode mutated = root.deepCopy();
                ((ObjectNode) mutated.at(pointer(prefix))).set(name, wrong.getValue());
                out.add(request(field + ": " + wrong.getKey(), path, "", rawMarkers(mutated)));
            }
            fieldMutations(root, object.get(name), propertySchema, field + ".", out, path, depth + 1);
        }
    }

    private static Map<String, JsonNode> wrongValues(String type) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("null", JSON.nullNode());
        values.put("wrong type", switch (type) {
            case "string" -> JSON.numberNode(12345);
            case "object" -> JSON.arrayNode().add(1);
            case "array" -> JSON.textNode("not a list");
            default -> JSON.textNode("not a " + type);
        });
        values.put("object", JSON.objectNode().put("nested", true));
        values.put("1e1000000", JSON.textNode(MARKER + "1e1000000"));
        values.put("-1e1000000", JSON.textNode(MARKER + "-1e1000000"));
        values.put("huge integer", JSON.textNode(MARKER + "9".repeat(400)));
        values.put("-1", JSON.numberNode(-1));
        values.put("200 000 characters", JSON.textNode("A".repeat(200_000)));
        values.put("NUL character", JSON.textNode("a\u0000b"));
        values.put("invalid UTF-8", JSON.textNode(MARKER + "INVALID_UTF8"));
        values.put("control and bidi characters", JSON.textNode("\u202E\u0007\u001B[31m\uFEFF"));
        values.put("list of 100 000", bigList());
        return values;
    }

    private static JsonNode bigList() {
        var list = JSON.arrayNode();
        for (int i = 0; i < 100_000; i++) {
            list.add(i);
        }
        return list;
    }

    private List<FuzzRequest> contentTypes(String path) {
        byte[] valid = bytes(validBody());
        List<FuzzRequest> requests = new ArrayList<>();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nonsense",
                "application/json-patch+json", "*/*", "")) {
            requests.add(request("Content-Type " + (type.isEmpty() ? "missing" : type), path, "", valid)
                    .withHeader("Content-Type", type.isEmpty() ? null : type));
        }
        return requests;
    }

    private FuzzRequest raw(String label, String path, String body) {
        return request(label, path, "", body.getBytes(StandardCharsets.UTF_8));
    }

    private FuzzRequest request(String label, String path, String query, JsonNode body) {
        return request(label, path, query, operation.takesBody() ? bytes(body) : null);
    }

    private FuzzRequest request(String label, String path, String query, byte[] body) {
        Map<String, String> headers = body == null ? Map.of() : Map.of("Content-Type", "application/json");
        return new FuzzRequest(label, operation.method(), path + query, headers, body, false);
    }

    private JsonNode validBody() {
        if (!operation.takesBody()) {
            return JSON.objectNode();
        }
        return exampleBody != null ? exampleBody.deepCopy() : samples.sample(operation.bodySchema());
    }

    private String path(Map<String, String> replaced) {
        String path = operation.path();
        for (Map.Entry<String, String> value : validPathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", replaced.getOrDefault(value.getKey(), value.getValue()));
        }
        return path;
    }

    private static String pointer(String prefix) {
        return prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1).replace(".", "/");
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes marked values raw: numbers no JSON library would write, escapes as given, invalid UTF-8 bytes. */
    private static byte[] rawMarkers(JsonNode body) {
        String text = new String(bytes(body), StandardCharsets.UTF_8);
        String invalidUtf8 = "\"" + MARKER + "INVALID_UTF8\"";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = text.indexOf(invalidUtf8);
        String rest = text;
        if (at >= 0) {
            out.writeBytes(unmark(text.substring(0, at)).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] { '"', (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, '"' });
            rest = text.substring(at + invalidUtf8.length());
        }
        out.writeBytes(unmark(rest).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String unmark(String json) {
        // "☃RAW☃1e1000000" → 1e1000000
        return json.replaceAll("\"" + MARKER + "([^\"]*)\"", "$1");
    }
}
