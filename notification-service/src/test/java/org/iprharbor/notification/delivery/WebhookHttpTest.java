package org.iprharbor.notification.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook client connects to the vetted address it is given, never resolving the host (the names here exist in no
 * DNS: RFC 6761 {@code .test}), while the Host header, the TLS server name and the certificate check keep the URL's
 * host: a real TLS server on loopback with a certificate for {@code hooks.rebinding.test} only.
 */
class WebhookHttpTest {

    private static final String HOST = "hooks.rebinding.test";
    private static final String PASSWORD = "changeit";
    private static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    private static Path certificates;
    private static HttpsServer server;
    private static Vertx vertx;
    private static WebhookHttp http;
    /** A shorter timeout, for an endpoint that never answers; still longer than connecting takes on a loaded machine. */
    private static WebhookHttp impatient;

    @BeforeAll
    static void start() throws Exception {
        certificates = Files.createTempDirectory("webhook-tls");
        Path keyStore = certificates.resolve("hook.p12");
        Path certificate = certificates.resolve("hook.pem");
        keytool("-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + HOST,
                "-ext", "SAN=dns:" + HOST, "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "hook", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            HttpsExchange https = (HttpsExchange) exchange;
            List<String> serverNames = ((ExtendedSSLSession) https.getSSLSession()).getRequestedServerNames().stream()
                    .map(name -> ((SNIHostName) name).getAsciiName()).toList();
            SEEN.put("sni", String.join(",", serverNames));
            SEEN.put("host", exchange.getRequestHeaders().getFirst("Host"));
            SEEN.put("content-type", exchange.getRequestHeaders().getFirst("Content-Type"));
            SEEN.put("target", exchange.getRequestURI().toString());
            SEEN.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();

        vertx = Vertx.vertx();
        http = new WebhookHttp(vertx, trusting(certificate), Duration.ofSeconds(10));
        impatient = new WebhookHttp(vertx, trusting(certificate), Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (var files = Files.list(certificates)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(certificates);
    }

    @Test
    void shouldConnectToTheVettedAddressWithTheUrlsHostForHostHeaderServerNameAndCertificate() throws Exception {
        int port = server.getAddress().getPort();
        WebhookHttp.Answer answer = http.post(vetted("https://" + HOST + ":" + port + "/hooks/ipr-harbor?tenant=kz", "127.0.0.1"),
                Map.of("content-type", WebhookSender.STRUCTURED_CLOUD_EVENT), "{\"specversion\":\"1.0\",\"subject\":\"鄂尔多斯\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.retryAfter()).isEqualTo("7");
        assertThat(SEEN.get("sni")).isEqualTo(HOST);
        assertThat(SEEN.get("host")).isEqualTo(HOST + ":" + port);
        assertThat(SEEN.get("target")).isEqualTo("/hooks/ipr-harbor?tenant=kz");
        assertThat(SEEN.get("content-type")).isEqualTo("application/cloudevents+json; charset=utf-8");
        assertThat(SEEN.get("body")).isEqualTo("{\"specversion\":\"1.0\",\"subject\":\"鄂尔多斯\"}");
    }

    @Test
    void shouldStillCheckTheCertificateAgainstTheUrlsHostNotTheAddress() {
        int port = server.getAddress().getPort();
        assertThatThrownBy(() -> http.post(vetted("https://other.rebinding.test:" + port + "/hooks", "127.0.0.1"), Map.of(), "{}"))
                .isInstanceOf(SSLException.class)
                .satisfies(failure -> assertThat(WebhookSender.describe((IOException) failure)).isEqualTo("TLS handshake failed"));
    }

    @Test
    void shouldDescribeARefusedConnectionAndAnEndpointThatDoesNotAnswer() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> http.post(vetted("http://" + HOST + ":" + closed + "/hooks", "127.0.0.1"), Map.of(), "{}"))
                .satisfies(failure -> assertThat(WebhookSender.describe((IOException) failure))
                        .isEqualTo("connection refused or unreachable"));
        try (ServerSocket hanging = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // accepts the connection (the kernel does, from the backlog) and never answers
            assertThatThrownBy(() -> impatient.post(vetted("http://" + HOST + ":" + hanging.getLocalPort() + "/hooks", "127.0.0.1"),
                    Map.of(), "{}"))
                    .satisfies(failure -> assertThat(WebhookSender.describe((IOException) failure))
                            .isEqualTo("no answer within the timeout"));
        }
    }

    private static HttpClientOptions trusting(Path certificate) {
        return new HttpClientOptions().setTrustOptions(new PemTrustOptions().addCertPath(certificate.toString()));
    }

    private static WebhookTargets.Vetted vetted(String url, String address) throws IOException {
        return new WebhookTargets.Vetted(null, URI.create(url), InetAddress.getByName(address));
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
