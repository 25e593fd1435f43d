package org.iprharbor.notification.ops.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.ops.timeline.DealTimeline;

/**
 * One deal's timeline across topics, with the notifications each event caused.
 */
@Path("/ops/api/deals/{id}/timeline")
@Tag(name = "Operations")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OpsTimelineResource {

    private final DealTimeline timeline;

    OpsTimelineResource(DealTimeline timeline) {
        this.timeline = timeline;
    }

    @GET
    @Operation(summary = "Every event about the deal in order (empty when none is known)")
    public List<DealTimeline.TimelineEntry> timeline(@PathParam("id") UUID dealId) {
        return timeline.of(dealId);
    }
}
