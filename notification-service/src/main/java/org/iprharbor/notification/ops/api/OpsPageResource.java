package org.iprharbor.notification.ops.api;

import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /ops} itself: a packaged Quarkus app serves a static directory's index only with the trailing slash, so the
 * bare path is redirected there (the page's relative links need the slash too). The shell holds no data.
 */
@Path("/ops")
@Tag(name = "Operations")
@PermitAll
public class OpsPageResource {

    private static final String INDEX = "/META-INF/resources/ops/index.html";

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dashboard's page (redirects /ops to /ops/)")
    public Response page(@Context UriInfo uri) {
        if (!uri.getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/ops/")).build();
        }
        InputStream index = OpsPageResource.class.getResourceAsStream(INDEX);
        return Response.ok(index).build();
    }
}
