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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.catalog.domain.Partner;
import org.iprharbor.catalog.service.PartnerService;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.api.PageView;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.kit.validation.CountryCode;

import io.quarkus.security.Authenticated;

/**
 * The partner directory: operators register partners, every signed-in user can look them up.
 */
@Path("/partners")
@Tag(name = "Partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
public class PartnerResource {

    private final PartnerService partners;
    private final Caller caller;

    PartnerResource(PartnerService partners, Caller caller) {
        this.partners = partners;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a partner (operator)")
    public Response register(@Valid @NotNull RegisterPartnerRequest request) {
        Partner partner = partners.register(request);
        return Response.created(URI.create("/partners/" + partner.id)).entity(PartnerView.of(partner, true)).build();
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One partner; the contact email only for the partner itself and operators")
    public PartnerView get(@PathParam("id") UUID id) {
        return PartnerView.of(partners.get(id), caller.mayActFor(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "Change a partner: its contact data and languages (the partner itself or an operator), "
            + "its legal identity (operator only); If-Match optional, 412 when stale")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdatePartnerRequest request) {
        Partner partner = partners.update(id, caller, ifMatch, request);
        return Response.ok(PartnerView.of(partner, true)).header(HttpHeaders.ETAG, ETags.of(partner.version)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Partners, optionally of one country, by legal name")
    public PageView<PartnerView> list(@QueryParam("country") @CountryCode String country,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PageView.of(partners.list(country, page, size), partner -> PartnerView.of(partner, caller.mayActFor(partner.id)),
                page, size, partners.count(country));
    }
}
