package org.iprharbor.notification.ops.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.ops.deadletter.DeadLetter;
import org.iprharbor.notification.ops.deadletter.DeadLetters;
import org.iprharbor.notification.ops.deadletter.OpsAudit;
import org.iprharbor.notification.ops.deadletter.Redrive;

/**
 * Dead letters of every platform topic, their redrive to the original topic, and the audit trail of redrives.
 */
@Path("/ops/api")
@Tag(name = "Operations")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OpsDeadLetterResource {

    private final Caller caller;
    private final DeadLetters deadLetters;
    private final Redrive redrive;
    private final OpsAudit audit;

    OpsDeadLetterResource(Caller caller, DeadLetters deadLetters, Redrive redrive, OpsAudit audit) {
        this.caller = caller;
        this.deadLetters = deadLetters;
        this.redrive = redrive;
        this.audit = audit;
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "The newest records of every dead-letter topic, newest first, with their error headers")
    public List<DeadLetter> list() {
        return deadLetters.newest();
    }

    @POST
    @Path("/dead-letters/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-publish one dead letter to its original topic (audited)")
    public Redrive.RedriveResult redrive(@Valid @NotNull RedriveRequest request) {
        return redrive.redrive(caller.id().toString(), request.topic(), request.partition(), request.offset());
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Operators' dashboard actions, newest first")
    public List<OpsAudit.AuditEntry> audit(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return audit.newest(limit);
    }

    /** Which dead letter to redrive: its coordinates in the dead-letter topic. */
    public record RedriveRequest(@NotBlank String topic, @NotNull @Min(0) Integer partition, @NotNull @Min(0) Long offset) {
    }
}
