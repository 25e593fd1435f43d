package org.iprharbor.kit.ratelimit;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.iprharbor.kit.problem.Problem;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Spends one token of the caller's bucket on every API request and answers 429 problem+json with Retry-After when
 * it is empty. The caller is the verified token's subject, never a claim read from an unverified token (else anyone
 * could drain a partner's budget by naming it); anonymous and badly authenticated requests count against their
 * remote address. Health, metrics and OpenAPI live outside the REST layer and are never limited.
 */
public class RateLimitFilter {

    private static final String METRIC = "harbor.rate.limited";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;
    private final MeterRegistry metrics;

    @Inject
    RateLimitFilter(RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities, MeterRegistry metrics) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
        this.metrics = metrics;
        // registered up front so dashboards see 0 rather than no series
        metrics.counter(METRIC, "caller", "authenticated");
        metrics.counter(METRIC, "caller", "anonymous");
    }

    /** Pre-matching, so it runs before the role checks: refused and anonymous requests spend a budget too. */
    @ServerRequestFilter(preMatching = true)
    Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull() // a bad token is answered 401 later; here it only decides whose budget
                .map(identity -> check(callerOf(identity, http), request));
    }

    private Response check(String caller, ContainerRequestContext request) {
        TokenBucket.Decision decision = limiter.take(caller);
        if (decision.allowed()) {
            return null;
        }
        metrics.counter(METRIC, "caller", caller.startsWith("sub:") ? "authenticated" : "anonymous").increment();
        long retryAfter = decision.retryAfterSeconds();
        Problem problem = new Problem(Problem.type("rate-limited"), "Too many requests", 429,
                "You sent more than " + config.capacity() + " requests in a burst or more than " + config.refillPerSecond()
                        + " per second; retry after " + retryAfter + " s.",
                URI.create(request.getUriInfo().getRequestUri().getRawPath()), List.of());
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .header("RateLimit-Limit", Integer.toString(config.capacity()))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", Long.toString(retryAfter))
                .build();
    }

    private static String callerOf(SecurityIdentity identity, HttpServerRequest http) {
        if (identity != null && !identity.isAnonymous()) {
            String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
            return "sub:" + (subject != null ? subject : identity.getPrincipal().getName());
        }
        return "addr:" + (http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
    }
}
