package org.iprharbor.notification.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.domain.AlertSubscription;

/**
 * A partner's alerts on newly listed patents.
 */
@Path("/alerts")
@Tag(name = "Alerts")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Caller caller;

    AlertResource(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Transactional
    @Operation(summary = "Be told of new patents matching IPC prefixes, jurisdictions, deal types and keywords")
    public Response create(@Valid @NotNull AlertRequest request) {
        if (request.empty()) {
            throw ProblemException.unprocessable("Give at least one of ipcPrefixes, jurisdictions, dealTypes or keywords.");
        }
        AlertSubscription alert = new AlertSubscription();
        alert.id = UUID.randomUUID();
        alert.partnerId = caller.id();
        alert.ipcPrefixes = orEmpty(request.ipcPrefixes());
        alert.jurisdictions = orEmpty(request.jurisdictions());
        alert.dealTypes = orEmpty(request.dealTypes());
        alert.keywords = orEmpty(request.keywords());
        alert.createdAt = Instant.now();
        alert.persist();
        return Response.created(URI.create("/alerts/" + alert.id)).entity(AlertView.of(alert)).build();
    }

    @GET
    @Operation(summary = "The caller's alerts")
    public List<AlertView> list() {
        return AlertSubscription.<AlertSubscription>list("partnerId = ?1 order by createdAt", caller.id()).stream()
                .map(AlertView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Stop an alert")
    public Response delete(@PathParam("id") UUID id) {
        if (AlertSubscription.delete("id = ?1 and partnerId = ?2", id, caller.id()) == 0) {
            throw ProblemException.notFound("No alert " + id + " of yours.");
        }
        return Response.noContent().build();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An alert as the API shows it. */
    public record AlertView(UUID id, List<String> ipcPrefixes, List<String> jurisdictions, List<String> dealTypes,
            List<String> keywords, Instant createdAt) {

        static AlertView of(AlertSubscription alert) {
            return new AlertView(alert.id, alert.ipcPrefixes, alert.jurisdictions, alert.dealTypes, alert.keywords, alert.createdAt);
        }
    }
}
