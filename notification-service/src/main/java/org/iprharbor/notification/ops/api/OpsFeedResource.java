package org.iprharbor.notification.ops.api;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import org.iprharbor.kit.security.Roles;
import org.iprharbor.notification.ops.feed.FeedBuffer;
import org.iprharbor.notification.ops.feed.FeedEntry;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The live event feed across the platform's topics: the newest events, and a Server-Sent Events stream that starts
 * with a backfill and then sends each new event, optionally filtered by topic, type (substring) and id.
 */
@Path("/ops/api/feed")
@Tag(name = "Operations")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class OpsFeedResource {

    private static final Duration STREAM_TICK = Duration.ofMillis(250);

    private final FeedBuffer buffer;

    OpsFeedResource(FeedBuffer buffer) {
        this.buffer = buffer;
    }

    @GET
    @Operation(summary = "The newest events, newest first")
    public List<FeedEntry> newest(@QueryParam("topic") String topic, @QueryParam("type") String type,
            @QueryParam("id") String id, @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return buffer.newest(limit, filter(topic, type, id));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "A backfill of recent events, oldest first, then every new event as it arrives (Server-Sent Events)")
    public Multi<FeedEntry> stream(@QueryParam("topic") String topic, @QueryParam("type") String type,
            @QueryParam("id") String id, @QueryParam("backfill") @DefaultValue("100") @Min(0) @Max(1000) int backfill) {
        Predicate<FeedEntry> filter = filter(topic, type, id);
        // the backfill ends where the live part starts, so no event is sent twice or skipped in between
        AtomicLong last = new AtomicLong(buffer.lastSequence());
        List<FeedEntry> recent = buffer.newest(backfill, filter.and(entry -> entry.sequence() <= last.get())).stream()
                .sorted(Comparator.comparing(FeedEntry::time).thenComparing(FeedEntry::sequence)).toList();
        Multi<FeedEntry> live = Multi.createFrom().ticks().every(STREAM_TICK)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    List<FeedEntry> fresh = buffer.after(last.get(), entry -> true);
                    fresh.stream().mapToLong(FeedEntry::sequence).max().ifPresent(last::set);
                    return fresh.stream().filter(filter).toList();
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(recent), live);
    }

    private static Predicate<FeedEntry> filter(String topic, String type, String id) {
        return entry -> entry.matches(topic, type, id);
    }
}
