package org.iprharbor.notification.ops.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.ops.deadlines.DealDeadlines;

/**
 * The dashboard's "due and overdue" panel: every deal's owed deadlines by due date.
 */
@Path("/ops/api/deadlines")
@Tag(name = "Operations")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OpsDeadlinesResource {

    private final DealDeadlines deadlines;

    OpsDeadlinesResource(DealDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GET
    @Operation(summary = "Open and overdue deadlines of all deals by due date (at most 500), optionally of one kind")
    public List<DealDeadlines.DueDeadline> due(@QueryParam("kind") String kind) {
        return deadlines.due(kind == null || kind.isBlank() ? null : kind);
    }
}
