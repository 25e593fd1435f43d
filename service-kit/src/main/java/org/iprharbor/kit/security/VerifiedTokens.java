package org.iprharbor.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens whose signature and claims were already verified, kept until their expiry so a partner portal's
 * next request with the same token skips the RSA check. Keyed by the token's SHA-256 (the cache holds no usable
 * credential); bounded, and an entry is never served at or after the token's {@code exp}.
 */
public final class VerifiedTokens {

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public VerifiedTokens(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The verified token, if this exact token was verified before and has not expired since. */
    public Optional<JsonWebToken> find(String token) {
        String key = key(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    /** Remembers a token that passed verification; a token without {@code exp}, or one when full, is not kept. */
    public void remember(String token, JsonWebToken verified) {
        Object exp = verified.getClaim(Claims.exp.name());
        if (!(exp instanceof Number expiry)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= maxEntries) {
                return; // every entry still live: verify this one each time rather than grow without bound
            }
        }
        entries.put(key(token), new Entry(verified, Instant.ofEpochSecond(expiry.longValue())));
    }

    int size() {
        return entries.size();
    }

    private static String key(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Entry(JsonWebToken verified, Instant expiresAt) {
    }
}
