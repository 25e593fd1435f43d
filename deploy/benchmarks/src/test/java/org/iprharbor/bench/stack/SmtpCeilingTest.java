package org.iprharbor.bench.stack;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpCeilingTest {

    @Test
    void shouldDeliverEveryProbeEmailToTheSink() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail sink = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        sink.start();
        try {
            double rate = SmtpCeiling.measure(port, 3, 4, 2_000);

            assertThat(rate).isPositive();
            assertThat(sink.getReceivedMessages()).hasSize(12)
                    .allSatisfy(message -> assertThat(message.getSubject()).isEqualTo("ceiling probe"));
        } finally {
            sink.stop();
        }
    }
}
