package org.iprharbor.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * One request the fuzzer sends: what it tries ({@code label}), and the raw pieces, so bodies can hold bytes no
 * JSON library would write (invalid UTF-8, NUL, unbalanced nesting).
 */
record FuzzRequest(String label, String method, String pathAndQuery, Map<String, String> headers, byte[] body, boolean chunked) {

    FuzzRequest withHeader(String name, String value) {
        HashMap<String, String> copy = new HashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new FuzzRequest(label, method, pathAndQuery, Map.copyOf(copy), body, chunked);
    }

    FuzzRequest labelled(String prefix) {
        return new FuzzRequest(prefix + label, method, pathAndQuery, headers, body, chunked);
    }

    @Override
    public String toString() {
        return label + " → " + method.toUpperCase() + " " + (pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "…" : pathAndQuery);
    }
}
