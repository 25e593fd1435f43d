package org.iprharbor.notification.ops.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.iprharbor.kit.security.Caller;
import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.ops.delivery.DeliveryHealth;
import org.iprharbor.notification.ops.delivery.DeliveryHealthView;
import org.iprharbor.notification.ops.funnel.DealFunnel;
import org.iprharbor.notification.ops.funnel.FunnelView;
import org.iprharbor.notification.ops.funnel.MatchFunnel;
import org.iprharbor.notification.ops.funnel.MatchFunnelView;
import org.iprharbor.notification.ops.traffic.ConsumerLag;
import org.iprharbor.notification.ops.traffic.Throughput;
import org.iprharbor.notification.ops.traffic.ThroughputView;

/**
 * The dashboard's read-only panels: who is signed in, the deal funnel, the match funnel, throughput per topic, consumer lag and
 * delivery health.
 */
@Path("/ops/api")
@Tag(name = "Operations")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OpsPanelsResource {

    private final Caller caller;
    private final DealFunnel funnel;
    private final Throughput throughput;
    private final ConsumerLag lag;
    private final DeliveryHealth deliveries;
    private final MatchFunnel matches;

    OpsPanelsResource(Caller caller, DealFunnel funnel, Throughput throughput, ConsumerLag lag, DeliveryHealth deliveries,
            MatchFunnel matches) {
        this.caller = caller;
        this.funnel = funnel;
        this.throughput = throughput;
        this.lag = lag;
        this.deliveries = deliveries;
        this.matches = matches;
    }

    @GET
    @Path("/me")
    @Operation(summary = "The signed-in operator (the page's login check)")
    public Me me() {
        return new Me(caller.id().toString(), true);
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Deals per state now, and deal transitions per minute over the last hour")
    public FunnelView funnel() {
        return funnel.now();
    }

    @GET
    @Path("/matches")
    @Operation(summary = "Matches found per day over two weeks, and the shares that became offers and completed deals")
    public MatchFunnelView matches() {
        return matches.now();
    }

    @GET
    @Path("/throughput")
    @Operation(summary = "Events per minute per topic, from Kafka's offsets by time")
    public ThroughputView throughput() {
        return throughput.perMinute();
    }

    @GET
    @Path("/lag")
    @Operation(summary = "Each consumer group's lag behind the end of its partitions, grouped by service")
    public List<ConsumerLag.GroupLag> lag() {
        return lag.now();
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "Deliveries per channel by outcome, and the disabled webhook endpoints")
    public DeliveryHealthView deliveries() {
        return deliveries.now();
    }

    /** The caller as the page shows it. */
    public record Me(String subject, boolean operator) {
    }
}
