package org.iprharbor.notification.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure an endpoint's owner reads (delivery history, disabled reason) is in words, never a JDK class name:
 * the fuzz pass found "ConnectException: null" in subscription listings.
 */
class WebhookSenderTest {

    @Test
    void shouldDescribeConnectionFailuresInWords() {
        assertThat(WebhookSender.describe(new ConnectException())).isEqualTo("connection refused or unreachable");
        assertThat(WebhookSender.describe(new HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("could not connect within the timeout");
        assertThat(WebhookSender.describe(new HttpTimeoutException("request timed out"))).isEqualTo("no answer within the timeout");
        assertThat(WebhookSender.describe(new SSLHandshakeException("PKIX path building failed"))).isEqualTo("TLS handshake failed");
        assertThat(WebhookSender.describe(new IOException("connection reset"))).isEqualTo("connection failed: connection reset");
        assertThat(WebhookSender.describe(new IOException())).isEqualTo("connection failed").doesNotContain("Exception");
    }
}
