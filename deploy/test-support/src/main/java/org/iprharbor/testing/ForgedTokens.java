package org.iprharbor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.spec.SecretKeySpec;

import org.iprharbor.infra.DemoKeys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens an attacker could present, each wrong in exactly one way, next to the right one; every service
 * must answer all but the last with 401.
 */
public final class ForgedTokens {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private ForgedTokens() {
    }

    /** Each forgery by name (the name says what is wrong with it), for a parameterised test. */
    public static Map<String, Supplier<String>> all(UUID partnerId) {
        String subject = partnerId.toString();
        DemoKeys keys = HarborTestInfrastructure.running().keys();
        return Map.ofEntries(
                Map.entry("expired", () -> keys.sign(claims(keys, subject)
                        .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofMinutes(10))))),
                Map.entry("not yet valid", () -> keys.sign(claims(keys, subject)
                        .claim("nbf", Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond()))),
                Map.entry("wrong issuer", () -> keys.sign(claims(keys, subject).issuer("https://evil.example/identity"))),
                Map.entry("wrong audience", () -> keys.sign(claims(keys, subject).audience("https://other-service.example"))),
                Map.entry("no audience", () -> keys.sign(claims(keys, subject).audience(java.util.Set.of()))),
                Map.entry("unknown key", () -> claims(keys, subject).jws().keyId("harbor-local").sign(unknownKey())),
                Map.entry("alg none", () -> unsigned(keys.sign(claims(keys, subject)))),
                Map.entry("HS256 keyed with the public key", () -> claims(keys, subject).jws()
                        .algorithm(SignatureAlgorithm.HS256).sign(new SecretKeySpec(publicKeyBytes(keys), "HmacSHA256"))),
                Map.entry("payload changed after signing", () -> withPayloadOf(keys.sign(claims(keys, subject)),
                        keys.sign(keys.claims(subject, "operator", LIFETIME)))),
                Map.entry("signature stripped", () -> stripSignature(keys.sign(claims(keys, subject)))),
                Map.entry("not a JWT", () -> "not.a.jwt"),
                Map.entry("empty", () -> ""));
    }

    private static JwtClaimsBuilder claims(DemoKeys keys, String subject) {
        return keys.claims(subject, "partner", LIFETIME);
    }

    /** The same claims with {@code "alg": "none"} and no signature. */
    private static String unsigned(String token) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** A genuine signature over one payload, presented with another (here: promoting a partner to operator). */
    private static String withPayloadOf(String genuine, String other) {
        String[] parts = genuine.split("\\.");
        return parts[0] + "." + other.split("\\.")[1] + "." + parts[2];
    }

    private static String stripSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static PrivateKey unknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] publicKeyBytes(DemoKeys keys) {
        try {
            return Files.readAllBytes(keys.publicKeyFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
