package org.iprharbor.catalog.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.service.PatentService;
import org.iprharbor.kit.api.PageView;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.kit.validation.CountryCode;

import io.quarkus.security.Authenticated;

/**
 * Patents listed for licence or sale: owners list them, every signed-in user can browse them.
 */
@Path("/patents")
@Tag(name = "Patents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatentResource {

    private final PatentService patents;
    private final Caller caller;

    PatentResource(PatentService patents, Caller caller) {
        this.patents = patents;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "List a patent owned by the calling partner")
    public Response list(@Valid @NotNull ListPatentRequest request) {
        Patent patent = patents.list(caller.id(), request);
        return Response.created(URI.create("/patents/" + patent.id)).entity(PatentView.of(patent)).build();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One patent")
    public PatentView get(@PathParam("id") UUID id) {
        return PatentView.of(patents.get(id));
    }

    @GET
    @Authenticated
    @Operation(summary = "Patents, newest first, optionally of one jurisdiction")
    public PageView<PatentView> browse(@QueryParam("jurisdiction") @CountryCode String jurisdiction,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageView.of(patents.page(jurisdiction, page, size), PatentView::of, page, size, patents.count(jurisdiction));
    }
}
