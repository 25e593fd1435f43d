package org.iprharbor.notification.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import org.iprharbor.kit.problem.ProblemException;
import org.iprharbor.kit.security.Caller;
import org.iprharbor.notification.domain.InboxItem;
import org.iprharbor.notification.inbox.InboxStreamEvent;
import org.iprharbor.notification.inbox.InboxStreams;
import org.iprharbor.notification.inbox.StreamCursor;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The caller's in-app inbox: newest first with cursor pages and the unread count, marking read, and a live
 * Server-Sent Events stream of new items that resumes from a Last-Event-ID ({@link InboxStreams}).
 */
@Path("/inbox")
@Tag(name = "Inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final Caller caller;
    private final InboxStreams streams;

    InboxResource(Caller caller, InboxStreams streams) {
        this.caller = caller;
        this.streams = streams;
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
    @Operation(summary = "New notifications as they arrive (Server-Sent Events)", description = "Each event's id is "
            + "its position in the stream; send the last one received back as the Last-Event-ID header (browsers' "
            + "EventSource does so when it reconnects) or as ?lastEventId= to get exactly the notifications after it, "
            + "in order. Without either the stream starts now. Idle streams get a comment line every 15 s.")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdQuery, @Context Sse sse) {
        UUID me = caller.id();
        // the header wins: an EventSource opened with ?lastEventId= sends its newer id as the header on reconnect
        String resumeAfter = isBlank(lastEventIdHeader) ? lastEventIdQuery : lastEventIdHeader;
        StreamCursor from = isBlank(resumeAfter) ? streams.now() : cursor(resumeAfter);
        return streams.follow(me, from).map(event -> event instanceof InboxStreamEvent.Item item
                ? sse.newEventBuilder().id(item.cursor().toString()).data(InboxView.class, InboxView.of(item.item())).build()
                : sse.newEventBuilder().comment("heartbeat").build());
    }

    private static StreamCursor cursor(String lastEventId) {
        try {
            return StreamCursor.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("Last-Event-ID", "is not an id this stream sent");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
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
