package org.iprharbor.notification.ops.feed;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * What the dashboard may show of a payload: no field named like a secret, token or password, and email addresses
 * masked to their first letter and domain ({@code k***@example.kz}).
 */
public final class Redactor {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern SECRET_NAME = Pattern.compile("secret|token|password|passwd|credential|signature|apikey|api_key");

    private Redactor() {
    }

    public static String maskEmails(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = EMAIL.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "***@" + match.group(2)));
    }

    public static boolean isSecretName(String fieldName) {
        return SECRET_NAME.matcher(fieldName.toLowerCase(Locale.ROOT)).find();
    }

    /** A redacted deep copy of {@code node}. */
    public static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(maskEmails(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(element -> copy.add(redact(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!isSecretName(field.getKey())) {
                    copy.set(field.getKey(), redact(field.getValue()));
                }
            }
            return copy;
        }
        return node;
    }

    /** A redacted preview of a raw payload, at most {@code maxChars} long; text that is not JSON is masked as text. */
    public static String preview(String payload, com.fasterxml.jackson.databind.ObjectMapper json, int maxChars) {
        if (payload == null) {
            return null;
        }
        String redacted;
        try {
            redacted = json.writeValueAsString(redact(json.readTree(payload)));
        } catch (java.io.IOException | RuntimeException notJson) {
            redacted = maskEmails(payload).replaceAll("(?i)\"[^\"]*(secret|token|password)[^\"]*\"\\s*:\\s*\"[^\"]*\"", "\"…\":\"…\"");
        }
        return redacted.length() <= maxChars ? redacted : redacted.substring(0, maxChars) + "…";
    }
}
