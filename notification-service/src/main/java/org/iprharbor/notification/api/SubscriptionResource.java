package org.iprharbor.notification.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.api.SubscriptionViews.DeliveryView;
import org.iprharbor.notification.api.SubscriptionViews.SubscriptionView;
import org.iprharbor.notification.domain.WebhookSubscription;
import org.iprharbor.notification.service.WebhookSubscriptions;

/**
 * Integrators' webhook subscriptions and their deliveries (Standard Webhooks); operators may see and manage all.
 */
@Path("/")
@Tag(name = "Webhooks")
@RolesAllowed({ Roles.INTEGRATOR, Roles.OPERATOR })
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final WebhookSubscriptions subscriptions;
    private final Caller caller;

    SubscriptionResource(WebhookSubscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an endpoint; the answer carries its signing secret, shown this once")
    public Response create(@Valid @NotNull SubscriptionRequest request) {
        WebhookSubscription subscription = subscriptions.create(caller.id(), request.url(), request.eventTypes(),
                request.countries(), request.dealTypes());
        return Response.created(URI.create("/subscriptions/" + subscription.id))
                .entity(SubscriptionView.of(subscription, true)).build();
    }

    @GET
    @Path("subscriptions")
    @Transactional
    @Operation(summary = "The caller's subscriptions (operators: all)")
    public List<SubscriptionView> list() {
        List<WebhookSubscription> found = caller.isOperator() ? WebhookSubscription.listAll()
                : WebhookSubscription.list("ownerId", caller.id());
        return found.stream().map(subscription -> SubscriptionView.of(subscription, false)).toList();
    }

    @GET
    @Path("subscriptions/{id}")
    @Transactional
    @Operation(summary = "One subscription")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.visible(id, caller), false);
    }

    @DELETE
    @Path("subscriptions/{id}")
    @Operation(summary = "Unsubscribe; queued deliveries are dropped")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, caller);
        return Response.noContent().build();
    }

    @POST
    @Path("subscriptions/{id}/rotate-secret")
    @Operation(summary = "New signing secret; the previous one keeps signing alongside it for the overlap window")
    public SubscriptionView rotate(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.rotateSecret(id, caller), true);
    }

    @POST
    @Path("subscriptions/{id}/enable")
    @Operation(summary = "Enable a disabled endpoint again; waiting deliveries resume")
    public SubscriptionView enable(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.enable(id, caller), false);
    }

    @GET
    @Path("subscriptions/{id}/deliveries")
    @Transactional
    @Operation(summary = "Recent deliveries to the endpoint with every attempt: status code, latency, error")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return subscriptions.deliveries(id, caller, limit).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("subscriptions/{id}/replay")
    @Operation(summary = "Send again every matching event since a time (same webhook-id, so receivers deduplicate)")
    public Map<String, Integer> replay(@PathParam("id") UUID id, @QueryParam("since") String since) {
        if (since == null) {
            throw ProblemException.invalidField("since", "is required, e.g. since=2026-11-30T08:00:00Z");
        }
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("since", "must be an ISO-8601 instant such as 2026-11-30T08:00:00Z");
        }
        return Map.of("queued", subscriptions.replay(id, caller, from));
    }

    @POST
    @Path("deliveries/{id}/retry")
    @Transactional
    @Operation(summary = "Send one delivery again now")
    public DeliveryView retry(@PathParam("id") UUID id) {
        return DeliveryView.of(subscriptions.retry(id, caller));
    }
}
