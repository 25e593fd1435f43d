package org.iprharbor.kit.problem;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Rejects a body larger than {@code quarkus.http.limits.max-body-size} with problem+json before it is
 * read (the HTTP layer's own 413 would be plain text or empty), and a chunked body, whose size is unknown until
 * it has been read, with 411.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max,
            ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && context.request().headers().contains("Transfer-Encoding")) {
            // A chunked body's size is known only once read, and the REST layer's own 413 for it is an empty
            // body; commands are small JSON documents, so ask for the length up front instead.
            refuse(context, 411, "length-required", "Length required",
                    "Send the request body with a Content-Length (at most " + maxBytes + " bytes), not chunked.");
            return;
        }
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= maxBytes) {
            context.next();
            return;
        }
        refuse(context, 413, "payload-too-large", "Payload too large",
                "The request body has " + length + " bytes; the limit is " + maxBytes + ".");
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, URI.create(context.request().path()), List.of());
        try {
            context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
