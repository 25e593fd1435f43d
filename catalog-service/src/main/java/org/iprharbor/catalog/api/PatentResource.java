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

import org.iprharbor.catalog.domain.Patent;
import org.iprharbor.catalog.persistence.MatchListing;
import org.iprharbor.catalog.persistence.PatentSearch;
import org.iprharbor.catalog.persistence.SearchCursor;
import org.iprharbor.catalog.persistence.SearchSort;
import org.iprharbor.catalog.persistence.Viewer;
import org.iprharbor.catalog.service.MatchService;
import org.iprharbor.catalog.service.PatentService;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;

import io.quarkus.security.Authenticated;

/**
 * Patents listed for licence or sale: owners list, change and withdraw them; every signed-in user searches them.
 */
@Path("/patents")
@Tag(name = "Patents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
public class PatentResource {

    private final PatentService patents;
    private final PatentSearch search;
    private final MatchListing listing;
    private final MatchService matches;
    private final Caller caller;

    PatentResource(PatentService patents, PatentSearch search, MatchListing listing, MatchService matches, Caller caller) {
        this.patents = patents;
        this.search = search;
        this.listing = listing;
        this.matches = matches;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "List a patent owned by the calling partner")
    public Response list(@Valid @NotNull ListPatentRequest request) {
        Patent patent = patents.list(caller.id(), request);
        return Response.created(URI.create("/patents/" + patent.id)).header(HttpHeaders.ETAG, ETags.of(patent.version))
                .entity(PatentView.of(patent)).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Search patents", description = "Full-text search in every language (substring matching for "
            + "Chinese), IPC prefix and other filters, sorted by relevance (with q) or newest first, keyset pagination.")
    public PatentPage search(@Valid @BeanParam PatentSearchParameters parameters,
            @QueryParam("sort") SearchSort sort,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        var criteria = parameters.criteria();
        SearchSort order = SearchRequests.order(sort, criteria.hasText());
        SearchCursor after = SearchRequests.cursor(cursor, order);
        PatentSearch.Result result = search.search(criteria, viewer(), order, after, limit);
        return new PatentPage(result.patents().stream().map(PatentView::of).toList(),
                result.next() == null ? null : result.next().encode(), limit);
    }

    @GET
    @Path("/facets")
    @Authenticated
    @Operation(summary = "How many patents matching the filters fall into each IPC section, jurisdiction and deal type")
    public PatentSearch.Facets facets(@Valid @BeanParam PatentSearchParameters parameters) {
        return search.facets(parameters.criteria(), viewer());
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One patent; its version is the ETag to send as If-Match when changing it")
    public Response get(@PathParam("id") UUID id) {
        Patent patent = patents.visible(id, caller);
        return withETag(patent);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Change a patent (owner only; If-Match required, 412 when stale)")
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdatePatentRequest request) {
        return withETag(patents.update(id, caller, ifMatch, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "Withdraw a patent (owner or operator; 409 while an agreed deal holds it)")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(patents.withdraw(id, caller, ifMatch));
    }

    @GET
    @Path("/{id}/matches")
    @RolesAllowed({ Roles.PARTNER, Roles.OPERATOR })
    @Operation(summary = "The needs a patent matches, best first, with score and reasons (the patent's owner, operators)")
    public MatchPage matches(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        Patent patent = patents.owned(id, caller);
        return MatchPage.of(listing.ofPatent(patent.id, SearchRequests.cursor(cursor, SearchSort.RELEVANCE), limit), matches, limit);
    }

    private Viewer viewer() {
        return SearchRequests.viewer(caller);
    }

    private static Response withETag(Patent patent) {
        return Response.ok(PatentView.of(patent)).header(HttpHeaders.ETAG, ETags.of(patent.version)).build();
    }
}
