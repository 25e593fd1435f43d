package org.iprharbor.notification.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

import static org.awaitility.Awaitility.await;

/**
 * One open Server-Sent Events connection read by OkHttp's SSE client (not our own parser): it records every event's
 * id and data as they arrive.
 */
public final class SseStream implements AutoCloseable {

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().readTimeout(Duration.ZERO)
            .dispatcher(dispatcher()).build();

    /** OkHttp runs at most 5 calls per host at once by default; a test may hold dozens of streams open. */
    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(256);
        return dispatcher;
    }

    /** One event as received. */
    public record Event(String id, String data) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> state = new AtomicReference<>("connecting");
    private final EventSource source;

    private SseStream(Request request) {
        source = EventSources.createFactory(CLIENT).newEventSource(request, new EventSourceListener() {
            @Override
            public void onOpen(EventSource eventSource, Response response) {
                state.set("open " + response.code());
            }

            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
                events.add(new Event(id, data));
            }

            @Override
            public void onClosed(EventSource eventSource) {
                state.set("closed");
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable failure, Response response) {
                state.set("failed " + (response == null ? failure : response.code()));
            }
        });
    }

    /** Opens {@code url} with the bearer token and, when not null, a Last-Event-ID header; returns once it is open. */
    public static SseStream open(String url, String token, String lastEventId) {
        Request.Builder request = new Request.Builder().url(url).header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseStream stream = new SseStream(request.build());
        await().atMost(CatalogAndDeals.WAIT).until(() -> !stream.state.get().equals("connecting"));
        if (!stream.state.get().equals("open 200")) {
            throw new IllegalStateException("the stream did not open: " + stream.state.get());
        }
        return stream;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Waits until at least {@code count} events arrived; returns all received. */
    public List<Event> awaitEvents(int count) {
        await().atMost(CatalogAndDeals.WAIT).until(() -> events.size() >= count);
        return events();
    }

    @Override
    public void close() {
        source.cancel();
    }
}
