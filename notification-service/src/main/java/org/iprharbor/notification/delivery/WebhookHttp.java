package org.iprharbor.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.iprharbor.notification.config.NotificationConfig;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;

/**
 * POSTs a webhook to the address the SSRF check vetted instead of resolving the host again, so a name cannot point
 * elsewhere between the check and the connection (DNS rebinding); the Host header, the TLS server name (SNI) and the
 * certificate check still use the URL's host name. Follows no redirect; gives up when no answer has begun within the
 * timeout. Vert.x's client takes the address per request; the JDK's resolves the name itself.
 */
@ApplicationScoped
class WebhookHttp {

    private final HttpClient client;
    private final Duration timeout;

    @Inject
    WebhookHttp(Vertx vertx, NotificationConfig config) {
        this(vertx, new HttpClientOptions(), config.webhooks().timeout());
    }

    /** With {@code options} a test can trust its own certificate authority. */
    WebhookHttp(Vertx vertx, HttpClientOptions options, Duration timeout) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(options
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setDecompressionSupported(false)
                // the delivery's own span is the request's: the sender writes its traceparent, and a client span
                // from Vert.x's tracer would be a second one the receiver never sees named
                .setTracingPolicy(TracingPolicy.IGNORE));
    }

    /** The status and Retry-After of the answer, once it begins; its body is read and dropped afterwards. */
    Answer post(WebhookTargets.Vetted target, Map<String, String> headers, String body) throws IOException {
        URI uri = target.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(uri.getHost()).setPort(port).setSsl(tls)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(bare(target.address()), port)))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> connected = new AtomicReference<>();
        CompletableFuture<HttpClientResponse> answer = client.request(options)
                .compose(request -> {
                    connected.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .toCompletionStage().toCompletableFuture();
        try {
            HttpClientResponse response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Answer(response.statusCode(), response.getHeader("retry-after"));
        } catch (TimeoutException e) {
            HttpClientRequest request = connected.get();
            if (request == null) {
                throw new HttpConnectTimeoutException("no connection within " + timeout);
            }
            request.reset();
            throw new HttpTimeoutException("no answer within " + timeout);
        } catch (ExecutionException e) {
            throw failure(e.getCause(), connected.get() != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpClientRequest request = connected.get();
            if (request != null) {
                request.reset();
            }
            throw new IOException("interrupted");
        }
    }

    /** The address alone, without the host name it was looked up by, so nothing below has a name to resolve. */
    private static InetAddress bare(InetAddress address) throws UnknownHostException {
        return InetAddress.getByAddress(address.getAddress());
    }

    /** Netty's and Vert.x's failures as the IOExceptions {@link WebhookSender#describe} words for the owner. */
    private static IOException failure(Throwable cause, boolean connected) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return new HttpConnectTimeoutException(cause.getMessage());
        }
        if (cause instanceof ConnectException refused) {
            return refused;
        }
        if (cause instanceof TimeoutException) { // Vert.x's idle timeout, or no pooled connection in time
            return connected ? new HttpTimeoutException(cause.getMessage()) : new HttpConnectTimeoutException(cause.getMessage());
        }
        return cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
    }

    /** An endpoint's answer: its status and its Retry-After header, if any. */
    record Answer(int status, String retryAfter) {
    }
}
