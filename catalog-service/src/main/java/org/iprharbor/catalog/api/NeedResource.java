package org.iprharbor.catalog.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.iprharbor.catalog.domain.Need;
import org.iprharbor.catalog.persistence.MatchListing;
import org.iprharbor.catalog.persistence.NeedSearch;
import org.iprharbor.catalog.persistence.SearchSort;
import org.iprharbor.catalog.persistence.SearchSql;
import org.iprharbor.catalog.service.MatchService;
import org.iprharbor.catalog.service.NeedService;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;

import io.quarkus.security.Authenticated;

/**
 * Technology needs of Belt-and-Road partners: owners post, change and close them; every signed-in user searches
 * them; owners and operators see the patents they match.
 */
@Path("/needs")
@Tag(name = "Needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
public class NeedResource {

    private final NeedService needs;
    private final NeedSearch search;
    private final MatchListing listing;
    private final MatchService matches;
    private final Caller caller;

    NeedResource(NeedService needs, NeedSearch search, MatchListing listing, MatchService matches, Caller caller) {
        this.needs = needs;
        this.search = search;
        this.listing = listing;
        this.matches = matches;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Post a need of the calling partner; it is matched against available patents at once")
    public Response post(@Valid @NotNull PostNeedRequest request) {
        Need need = needs.post(caller.id(), request);
        return Response.created(URI.create("/needs/" + need.id)).header(HttpHeaders.ETAG, ETags.of(need.version))
                .entity(NeedView.of(need, caller)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Search needs", description = "The patents' query language: full-text search in every language "
            + "(substring matching for Chinese), IPC prefix, territory and deal type, by relevance (with q) or newest "
            + "first, keyset pagination. Budgets are shown to their owners and operators only.")
    public NeedPage search(@Valid @BeanParam NeedSearchParameters parameters,
            @QueryParam("sort") SearchSort sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        var criteria = parameters.criteria();
        SearchSort order = SearchRequests.order(sort, criteria.hasText());
        SearchSql.Page<Need> page = search.search(criteria, SearchRequests.viewer(caller), order,
                SearchRequests.cursor(cursor, order), limit);
        return new NeedPage(page.items().stream().map(need -> NeedView.of(need, caller)).toList(),
                page.next() == null ? null : page.next().encode(), limit);
    }

    @GET
    @Path("/facets")
    @Authenticated
    @Operation(summary = "How many needs matching the filters fall into each IPC section, territory and deal type")
    public NeedSearch.Facets facets(@Valid @BeanParam NeedSearchParameters parameters) {
        return search.facets(parameters.criteria(), SearchRequests.viewer(caller));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One need; its version is the ETag to send as If-Match when changing it")
    public Response get(@PathParam("id") UUID id) {
        return withETag(needs.visible(id, caller));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Change a need (owner only; If-Match required, 412 when stale); it is matched again")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateNeedRequest request) {
        return withETag(needs.update(id, caller, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "Close a need (owner or operator): it is matched no more")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(needs.close(id, caller, ifMatch));
    }

    @GET
    @Path("/{id}/matches")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "The patents matching a need, best first, with score and reasons (the need's owner, operators)")
    public MatchPage matches(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        Need need = needs.owned(id, caller);
        return MatchPage.of(listing.ofNeed(need.id, SearchRequests.cursor(cursor, SearchSort.RELEVANCE), limit), matches, limit);
    }

    private Response withETag(Need need) {
        return Response.ok(NeedView.of(need, caller)).header(HttpHeaders.ETAG, ETags.of(need.version)).build();
    }
}
