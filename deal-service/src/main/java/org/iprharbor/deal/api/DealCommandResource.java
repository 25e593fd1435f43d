package org.iprharbor.deal.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.deal.domain.Deal;
import org.iprharbor.deal.service.DealAccess;
import org.iprharbor.deal.service.DealCommandService;
import org.iprharbor.kit.api.ETags;
import org.iprharbor.kit.security.Roles;

/**
 * Commands on one deal. Parties negotiate, sign and cancel; operators decide exports, settle and record.
 * {@code If-Match} (the ETag from the last read) is optional and makes a command fail with 412 if the deal moved on.
 */
@Path("/deals/{id}")
@Tag(name = "Deal commands")
@Produces(MediaType.APPLICATION_JSON)
public class DealCommandResource {

    private final DealCommandService commands;
    private final DealAccess access;

    DealCommandResource(DealCommandService commands, DealAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @POST
    @Path("/counter")
    @RolesAllowed(Roles.PARTNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counter the other party's terms with new terms (a new terms version)")
    public Response counter(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CounterRequest body) {
        return view(commands.counter(id, ifMatch, body.terms().toTerms(), body.validUntil()));
    }

    @POST
    @Path("/accept")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Accept the other party's latest terms")
    public Response accept(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return view(commands.accept(id, ifMatch));
    }

    @POST
    @Path("/reject")
    @RolesAllowed(Roles.PARTNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the negotiation")
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReasonRequest body) {
        return view(commands.reject(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/withdraw")
    @RolesAllowed(Roles.PARTNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw from the negotiation")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReasonRequest body) {
        return view(commands.withdraw(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/sign")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Sign the agreed terms; the deal is SIGNED once both parties have")
    public Response sign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return view(commands.sign(id, ifMatch));
    }

    @POST
    @Path("/cancel")
    @RolesAllowed(Roles.PARTNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Call off an agreed deal before payment")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CancelRequest body) {
        return view(commands.cancel(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/export-intent")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the commerce authority's letter of intent (negotiation may begin) or its refusal",
            description = "Restricted technology leaving China: the exporter applies before any negotiation, and the "
                    + "authority answers within 30 working days (docs/deal-procedure.md). A refusal ends the deal.")
    public Response exportIntent(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ExportIntentRequest body) {
        AuthorityAnswer answer = body.answer();
        return view(commands.decideIntent(id, ifMatch, answer.approved(), answer.record()));
    }

    @POST
    @Path("/export-decision")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the export licence (the contract takes effect) or its refusal (the deal ends)")
    public Response exportDecision(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ExportDecisionRequest body) {
        AuthorityAnswer answer = body.answer();
        return view(commands.decideExport(id, ifMatch, answer.approved(), answer.record()));
    }

    @POST
    @Path("/registration")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the registration of a freely exportable technology's contract",
            description = "Due within 60 days of the contract taking effect; the deal completes only once registered.")
    public Response registration(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RegistrationRequest body) {
        return view(commands.registerContract(id, ifMatch, body.certificateNumber()));
    }

    @POST
    @Path("/payment")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that the price was settled")
    public Response payment(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PaymentRequest body) {
        return view(commands.settlePayment(id, ifMatch, body.settlementReference()));
    }

    @POST
    @Path("/recordal")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the patent office's registration of the transfer; completes the deal")
    public Response recordal(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RecordalRequest body) {
        return view(commands.recordTransfer(id, ifMatch, body.registrationNumber(), body.recordedOn()));
    }

    private Response view(Deal deal) {
        return Response.ok(DealView.of(deal, access.allowedCommands(deal)))
                .header(HttpHeaders.ETAG, ETags.of(deal.version())).build();
    }
}
