package org.iprharbor.kit.problem;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * A sentence a developer can act on for the HTTP-level errors the REST layer raises itself.
 */
final class HttpDetails {

    private HttpDetails() {
    }

    static String describe(WebApplicationException e, UriInfo uri) {
        String path = uri == null ? "this path" : uri.getPath();
        if (e instanceof NotFoundException) {
            return "Nothing is at " + path + ". See /q/openapi for the API.";
        }
        if (e instanceof NotAllowedException) {
            String allowed = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            return "This method is not allowed on " + path
                    + (allowed == null ? "; see /q/openapi for the methods it takes." : "; allowed: " + allowed + ".");
        }
        if (e instanceof NotSupportedException) {
            return "This content type is not supported here; send application/json.";
        }
        if (e instanceof NotAcceptableException) {
            return "No representation matches the Accept header; ask for application/json.";
        }
        return e.getMessage();
    }
}
