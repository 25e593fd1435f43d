package org.iprharbor.kit.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The parser Quarkus' bearer-token check uses, with the configured verification (signature, issuer, audience,
 * expiry) done once per token instead of once per request: the RSA check was deal-service's top CPU frame under
 * load. Only the configured verification is cached; any other kind of parse goes straight to SmallRye's parser.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final DefaultJWTParser verifier;
    private final VerifiedTokens verified;
    private final Counter hits;
    private final Counter misses;

    CachingJwtParser(DefaultJWTParser verifier, MeterRegistry metrics,
            @ConfigProperty(name = "harbor.security.verified-token-cache-size", defaultValue = "10000") int cacheSize) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens(cacheSize, Clock.systemUTC());
        this.hits = counter(metrics, "hit");
        this.misses = counter(metrics, "miss");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.find(token).orElse(null);
        if (known != null) {
            hits.increment();
            return known;
        }
        misses.increment();
        JsonWebToken parsed = verifier.parse(token);
        verified.remember(token, parsed);
        return parsed;
    }

    private static Counter counter(MeterRegistry metrics, String cache) {
        return Counter.builder("harbor.tokens.parsed").tag("cache", cache)
                .description("Bearer tokens parsed; a miss ran the full signature and claims check").register(metrics);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
