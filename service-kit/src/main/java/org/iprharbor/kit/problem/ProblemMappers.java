package org.iprharbor.kit.problem;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.hibernate.StaleStateException;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.iprharbor.kit.persistence.DatabaseOutage;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem+json response. No stack trace
 * ever reaches a client: unexpected errors are logged with a reference the client can quote.
 */
public class ProblemMappers {

    /** The MDC key (a JSON log field) holding the reference an internal error's problem quotes. */
    public static final String REFERENCE_FIELD = "problemReference";

    @ServerExceptionMapper
    public Response business(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return ProblemResponses.of(400, "validation", "Invalid request", detail, uri, errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        return JsonProblems.of(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(403, "forbidden", "Forbidden", "Your role may not do this.", uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    /**
     * A client that closes its connection or resets its stream while its body is still being read has gone: nothing
     * was changed and nobody reads the answer. It was an ERROR with a stack trace and a 500 in the request metrics,
     * which woke operators for a partner's timeout; now it is a 400 and one INFO line.
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, UriInfo uri) {
        if (!ClientGone.causedBy(e)) {
            return unexpected(e, uri);
        }
        Log.infof("client left %s before sending its whole body: %s", uri.getPath(), e.getMessage());
        return ProblemResponses.of(400, "incomplete-body", "Incomplete request body",
                "The connection closed before the whole request body arrived; nothing was changed.", uri);
    }

    /** More specific than the REST layer's built-in mapper, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return JsonProblems.of(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return JsonProblems.of(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.ResponseBuilder problem = Response.fromResponse(
                ProblemResponses.of(status, slugOf(status), reasonOf(status), HttpDetails.describe(e, uri), uri));
        if (e instanceof NotAllowedException && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            problem.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return problem.build();
    }

    /**
     * Anything not mapped above. A database outage hides here too, wrapped in whatever layer it broke through
     * (found by the fault suite's PostgreSQL restart): the client gets 503 with Retry-After, never 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<DatabaseOutage> outage = DatabaseOutage.in(e);
        if (outage.isPresent()) {
            return unavailable(outage.get(), uri);
        }
        String reference = UUID.randomUUID().toString();
        // also a field of its own in the JSON log, so an operator finds the line by the reference a partner quotes
        MDC.put(REFERENCE_FIELD, reference);
        try {
            Log.errorf(e, "unexpected error %s on %s", reference, uri == null ? "?" : uri.getPath());
        } finally {
            MDC.remove(REFERENCE_FIELD);
        }
        return ProblemResponses.of(500, "internal-error", "Internal error",
                "An unexpected error occurred. Quote reference " + reference + " when reporting it.", uri);
    }

    private static Response unavailable(DatabaseOutage outage, UriInfo uri) {
        Log.warnf("database unavailable%s for %s: %s", outage.atCommit() ? " at commit" : "",
                uri == null ? "?" : uri.getPath(), outage.reason());
        return Response.fromResponse(ProblemResponses.of(503, "unavailable", "Service unavailable",
                detailOf(outage), uri)).header(HttpHeaders.RETRY_AFTER, "5").build();
    }

    private static String detailOf(DatabaseOutage outage) {
        return outage.atCommit()
                ? "The connection to the database broke while your change was being committed, so it may or may not"
                        + " have been saved. Read the resource before changing it again, or repeat the request with the"
                        + " same Idempotency-Key: a saved change is answered as it was, a lost one is made now."
                : "The database cannot take requests right now (unreachable, restarting or fully busy); nothing was"
                        + " changed. Retry shortly.";
    }

    private static Response challenge(UriInfo uri) {
        return Response.fromResponse(ProblemResponses.of(401, "unauthenticated", "Unauthenticated",
                "Send a valid bearer token (Authorization: Bearer <JWT>).", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response conflict(UriInfo uri) {
        return ProblemResponses.of(409, "concurrent-update", "Conflict",
                "Someone else changed this resource at the same time; reload it and try again.", uri);
    }

    private static String slugOf(int status) {
        return reasonOf(status).toLowerCase().replace(' ', '-');
    }

    private static String reasonOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    /**
     * {@code create.body.terms.price} becomes {@code terms.price}, a list element {@code territory[2]}, a map
     * entry {@code titles[zh]}; a query parameter keeps its name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                // the index or key qualifies the element of the container named before this node
                property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                property.append(property.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return property.isEmpty() ? String.valueOf(parameter) : property.toString();
    }
}
