package org.iprharbor.deal.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The SHA-256 of terms in a canonical JSON form (keys sorted, no whitespace, numbers without trailing zeros),
 * so the audit can prove which terms were agreed and signed, independently of how they are stored.
 */
public final class TermsDigest {

    private TermsDigest() {
    }

    public static String sha256(Terms terms) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalJson(terms).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code {"fieldOfUse":…,"price":{"amount":"…","currency":"…"},"royaltyPercent":"…","termYears":…,"territory":[…]}}. */
    public static String canonicalJson(Terms terms) {
        return "{\"fieldOfUse\":" + string(terms.fieldOfUse())
                + ",\"price\":{\"amount\":" + string(number(terms.price().amount()))
                + ",\"currency\":" + string(terms.price().currency()) + "}"
                + ",\"royaltyPercent\":" + string(number(terms.royaltyPercent()))
                + ",\"termYears\":" + (terms.termYears() == null ? "null" : terms.termYears().toString())
                + ",\"territory\":[" + terms.territory().stream().map(TermsDigest::string).collect(Collectors.joining(","))
                + "]}";
    }

    private static String number(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
