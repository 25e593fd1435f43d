package org.iprharbor.testing;

import java.util.List;

/**
 * The hostile values the fuzzer puts into path, query and header parameters, already percent-encoded where they
 * go into a URL (so an invalid UTF-8 sequence reaches the server as such).
 */
final class HostileValues {

    /** A value for a URL, percent-encoded, with what it tries. */
    record Encoded(String label, String value) {
    }

    private static final String LONG = "A".repeat(3_000);

    static final List<Encoded> URL = List.of(
            new Encoded("not a UUID", "not-a-uuid"),
            new Encoded("empty", ""),
            new Encoded("negative", "-1"),
            new Encoded("huge integer", "99999999999999999999999"),
            new Encoded("1e1000000", "1e1000000"),
            new Encoded("NUL byte", "a%00b"),
            new Encoded("invalid UTF-8", "%C3%28%FF%FE"),
            new Encoded("path traversal", "..%2F..%2Fetc%2Fpasswd"),
            new Encoded("SQL", "%27%20OR%201%3D1--"),
            new Encoded("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
            new Encoded("right-to-left override", "%E2%80%AEexe.txt"),
            new Encoded("3000 characters", LONG),
            new Encoded("UUID with trailing junk", "00000000-0000-0000-0000-000000000001x"));

    static final List<Encoded> HEADER = List.of(
            new Encoded("quoted junk", "\"abc\""),
            new Encoded("weak", "W/\"1\""),
            new Encoded("star", "*"),
            new Encoded("huge version", "\"99999999999999999999\""),
            new Encoded("negative version", "\"-1\""),
            new Encoded("unquoted", "0"),
            new Encoded("3000 characters", LONG));

    private HostileValues() {
    }
}
