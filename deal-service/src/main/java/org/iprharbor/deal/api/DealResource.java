package org.iprharbor.deal.api;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import org.iprharbor.deal.domain.DealState;
import org.iprharbor.deal.domain.HistoryChain;
import org.iprharbor.deal.persistence.DealSearch;
import org.iprharbor.deal.service.DealAccess;
import org.iprharbor.deal.service.DealQueries;
import org.iprharbor.deal.service.OfferService;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;

/**
 * Deals: buyers open them with an offer; parties and operators read them and their audit trail.
 */
@Path("/deals")
@Tag(name = "Deals")
@Produces(MediaType.APPLICATION_JSON)
public class DealResource {

    private final OfferService offers;
    private final DealQueries queries;
    private final DealAccess access;
    private final Caller caller;

    DealResource(OfferService offers, DealQueries queries, DealAccess access, Caller caller) {
        this.offers = offers;
        this.queries = queries;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer to buy or license a patent (the caller is the buyer); Idempotency-Key makes it safe to retry")
    public Response offer(@HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Valid @NotNull OfferRequest request) {
        OfferService.Offered offered = offers.offer(caller.id(), request, idempotencyKey);
        Response.ResponseBuilder response = offered.created()
                ? Response.created(URI.create("/deals/" + offered.deal().id()))
                : Response.ok();
        return response.entity(DealView.of(offered.deal(), access.allowedCommands(offered.deal())))
                .header(HttpHeaders.ETAG, ETags.of(offered.deal().version())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "One deal, with whose turn it is and what the caller may do next")
    public Response get(@PathParam("id") UUID id) {
        var deal = queries.get(id);
        return Response.ok(DealView.of(deal, access.allowedCommands(deal)))
                .header(HttpHeaders.ETAG, ETags.of(deal.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "The caller's deals (operators: all), newest first, by cursor")
    public DealPage list(@QueryParam("state") String state,
            @QueryParam("role") @Pattern(regexp = "buyer|seller", message = "must be buyer or seller") String role,
            @QueryParam("patentId") UUID patentId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = 200) String cursor) {
        DealSearch.Slice slice = queries.list(parseState(state), role, patentId, cursor, limit);
        List<DealView> items = slice.deals().stream().map(deal -> DealView.of(deal, access.allowedCommands(deal))).toList();
        return new DealPage(items, slice.next() == null ? null : slice.next().encode());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "Every transition of a deal: who, when, from which state to which, on which terms")
    public List<HistoryEntryView> history(@PathParam("id") UUID id) {
        return queries.history(id).stream().map(HistoryEntryView::of).toList();
    }

    @GET
    @Path("/{id}/history/verify")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "Recompute the history's hash chain and report the first broken link, if any",
            description = "Each history entry carries the SHA-256 of its content and of the entry before it; an entry "
                    + "changed or removed in the database breaks the chain from there (docs/deal-procedure.md).")
    public HistoryChain.Verdict verifyHistory(@PathParam("id") UUID id) {
        return HistoryChain.verify(queries.history(id));
    }

    private static DealState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DealState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("state", "must be one of " + Arrays.toString(DealState.values()));
        }
    }
}
