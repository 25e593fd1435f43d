package org.iprharbor.notification.api;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.notification.domain.InboxItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The caller's in-app inbox: newest first with cursor pages and the unread count, marking read, and a live
 * Server-Sent Events stream of new items.
 */
@Path("/inbox")
@Tag(name = "Inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    /** How far back each stream poll looks, to catch items whose transactions committed late. */
    private static final Duration STREAM_LOOKBACK = Duration.ofSeconds(30);

    private final Caller caller;

    InboxResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "The caller's notifications, newest first")
    public InboxPage list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        UUID me = caller.id();
        List<InboxItem> items;
        if (cursor == null) {
            items = InboxItem.<InboxItem>find("partnerId = ?1 order by createdAt desc, id desc", me).page(0, limit + 1).list();
        } else {
            String[] after = decode(cursor);
            items = InboxItem.<InboxItem>find("partnerId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) "
                    + "order by createdAt desc, id desc", me, Instant.parse(after[0]), UUID.fromString(after[1]))
                    .page(0, limit + 1).list();
        }
        List<InboxItem> page = items.subList(0, Math.min(limit, items.size()));
        String next = items.size() > limit ? encode(page.get(page.size() - 1)) : null;
        long unread = InboxItem.count("partnerId = ?1 and readAt is null", me);
        return new InboxPage(page.stream().map(InboxView::of).toList(), next, unread);
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(summary = "Mark one notification read")
    public InboxView markRead(@PathParam("id") UUID id) {
        InboxItem item = InboxItem.<InboxItem>find("id = ?1 and partnerId = ?2", id, caller.id()).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No notification " + id + " in your inbox."));
        if (item.readAt == null) {
            item.readAt = Instant.now();
        }
        return InboxView.of(item);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "New notifications as they arrive (Server-Sent Events)")
    public Multi<InboxView> stream() {
        UUID me = caller.id();
        Instant openedAt = Instant.now();
        Set<UUID> sent = ConcurrentHashMap.newKeySet();
        // Polls the database rather than an in-memory bus, so a client sees items written by any instance. Each
        // poll looks back a little: an item's createdAt is set before its transaction commits, so a slow commit
        // can land behind items already sent; ids already sent are skipped.
        return Multi.createFrom().ticks().every(Duration.ofMillis(500))
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> QuarkusTransaction.requiringNew().call(() -> {
                    Instant from = Instant.now().minus(STREAM_LOOKBACK);
                    List<InboxItem> fresh = InboxItem.<InboxItem>list("partnerId = ?1 and createdAt > ?2 order by createdAt",
                            me, from.isBefore(openedAt) ? openedAt : from);
                    List<InboxView> unsent = fresh.stream().filter(item -> sent.add(item.id)).map(InboxView::of).toList();
                    sent.removeIf(id -> fresh.stream().noneMatch(item -> item.id.equals(id)));
                    return unsent;
                }));
    }

    private static String encode(InboxItem item) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((item.createdAt + "|" + item.id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            Instant.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }

    /** One notification as the API shows it. */
    public record InboxView(UUID id, String eventType, String subjectId, String language, String title, String body,
            Instant createdAt, Instant readAt) {

        static InboxView of(InboxItem item) {
            return new InboxView(item.id, item.eventType, item.subjectId, item.language, item.title, item.body,
                    item.createdAt, item.readAt);
        }
    }

    /** One page of the inbox. */
    public record InboxPage(List<InboxView> items, String nextCursor, long unread) {
    }
}
