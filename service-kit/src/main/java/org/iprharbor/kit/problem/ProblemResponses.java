package org.iprharbor.kit.problem;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Builds problem+json responses, so every mapper words them the same way.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(int status, String slug, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, instance(uri), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response of(int status, String slug, String title, String detail, UriInfo uri) {
        return of(status, slug, title, detail, uri, List.of());
    }

    private static URI instance(UriInfo uri) {
        return uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
    }
}
