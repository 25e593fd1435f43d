package org.iprharbor.catalog.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.catalog.service.MatchService;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;

/**
 * Matches between needs and patents, as their parties act on them; listing is under each need and each patent.
 */
@Path("/matches")
@Tag(name = "Matches")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final MatchService matches;
    private final Caller caller;

    MatchResource(MatchService matches, Caller caller) {
        this.matches = matches;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Dismiss a match (the need's or the patent's owner): it is never announced or listed again")
    public MatchView dismiss(@PathParam("id") UUID id) {
        return MatchView.of(matches.dismiss(id, caller));
    }
}
