package org.iprharbor.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * An RS256 key pair for the local stack and the tests, standing in for the identity provider:
 * it writes the public key where the services read it and mints bearer tokens with the private one.
 */
public final class DemoKeys {

    /** The issuer every service expects ({@code mp.jwt.verify.issuer}) outside production. */
    public static final String ISSUER = "https://iprharbor.org/local-identity";
    /** The audience every service expects ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "https://iprharbor.org/api";
    private static final String KEY_ID = "harbor-local";

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private DemoKeys(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** Reuses the key pair in {@code directory} if there is one, so printed tokens survive a restart. */
    public static DemoKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve("private-key.pem");
        Path publicFile = directory.resolve("public-key.pem");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                byte[] der = fromPem(Files.readString(privateFile));
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                return new DemoKeys(key, publicFile);
            }
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateFile, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicFile, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return new DemoKeys(pair.getPrivate(), publicFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the demo key pair", e);
        }
    }

    /** Where the services read the public key from ({@code mp.jwt.verify.publickey.location}). */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A token whose subject is {@code subject} (a partner id for partners) in the given group. */
    public String token(String subject, String group, Duration lifetime) {
        return sign(claims(subject, group, lifetime));
    }

    /** The claims of {@link #token}, for tests that change one of them (a wrong issuer, an expired token). */
    public JwtClaimsBuilder claims(String subject, String group, Duration lifetime) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(group))
                .expiresIn(lifetime);
    }

    /** Signs claims with the demo private key, as the identity provider would. */
    public String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(privateKey);
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] fromPem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
