package org.iprharbor.deal.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Does nothing, on purpose: the benchmark harness measures the HTTP ceiling of this service's stack
 * (Vert.x, Quarkus REST, filters) against it, beside the offers that do real work.
 */
@Path("/ping")
@Tag(name = "Operations")
@PermitAll
public class PingResource {

    @GET
    @Operation(summary = "No-op (204): the benchmark's HTTP ceiling")
    public Response ping() {
        return Response.noContent().build();
    }
}
