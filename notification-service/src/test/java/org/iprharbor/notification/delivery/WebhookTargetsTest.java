package org.iprharbor.notification.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
            "https://172.16.0.9/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "https://[::1]/hook", "https://[fd00::1]/hook", "https://0.0.0.0/hook",
            "https://user:pw@93.184.216.34/hook", "not a url"})
    void shouldRefuseInternalOrInsecureTargetsInProduction(String url) {
        assertThat(production.refusal(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook"})
    void shouldAllowHttpsToPublicAddresses(String url) {
        assertThat(production.refusal(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:9000/hook"})
    void shouldAllowLoopbackWhenConfiguredForLocalUse(String url) {
        assertThat(new WebhookTargets(true).refusal(url)).isNull();
    }
}
