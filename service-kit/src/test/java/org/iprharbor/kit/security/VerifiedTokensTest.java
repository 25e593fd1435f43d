package org.iprharbor.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void shouldServeAVerifiedTokenUntilItsExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        JsonWebToken verified = expiringAt(NOW.plusSeconds(60));
        tokens.remember("header.claims.signature", verified);

        assertThat(tokens.find("header.claims.signature")).containsSame(verified);
        clock.now = NOW.plusSeconds(59);
        assertThat(tokens.find("header.claims.signature")).containsSame(verified);
        clock.now = NOW.plusSeconds(60);
        assertThat(tokens.find("header.claims.signature")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldNotServeAnotherTokenEvenIfOnlyItsSignatureDiffers() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember("header.claims.signature", expiringAt(NOW.plusSeconds(60)));

        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
    }

    @Test
    void shouldNotKeepATokenWithoutExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.remember("no.exp.claim", expiringAt(null));

        assertThat(tokens.find("no.exp.claim")).isEmpty();
    }

    @Test
    void shouldStayWithinItsBoundMakingRoomFromExpiredEntriesOnly() {
        VerifiedTokens tokens = new VerifiedTokens(2, clock);
        tokens.remember("short", expiringAt(NOW.plusSeconds(10)));
        tokens.remember("long", expiringAt(NOW.plusSeconds(600)));

        tokens.remember("refused", expiringAt(NOW.plusSeconds(600)));
        assertThat(tokens.find("refused")).isEmpty();
        assertThat(tokens.size()).isEqualTo(2);

        clock.now = NOW.plusSeconds(11);
        tokens.remember("admitted", expiringAt(NOW.plusSeconds(600)));
        assertThat(tokens.find("admitted")).isPresent();
        assertThat(tokens.find("long")).isPresent();
        assertThat(tokens.size()).isEqualTo(2);
    }

    private static JsonWebToken expiringAt(Instant exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "partner";
            }

            @Override
            public Set<String> getClaimNames() {
                return exp == null ? Set.of() : Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) && exp != null ? (T) Long.valueOf(exp.getEpochSecond()) : null;
            }
        };
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
