package org.iprharbor.notification.delivery;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetsTest {

    private final WebhookTargets production = new WebhookTargets(false, new SystemHostResolver());

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://10.1.2.3/hook",
            "https://172.16.0.9/hook", "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/hook", "https://[::1]/hook", "https://[fd00::1]/hook", "https://0.0.0.0/hook",
            "https://user:pw@93.184.216.34/hook", "not a url"})
    void shouldRefuseInternalOrInsecureTargetsInProduction(String url) {
        assertThat(production.refusal(url)).isNotNull();
    }

    /** Every way of spelling an internal address the hostile-input pass tried (docs/security-testing.md). */
    @ParameterizedTest
    @ValueSource(strings = {
            // loopback and private ranges in other spellings
            "https://127.1/hook", "https://127.255.255.254/hook", "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:7f00:1]/hook",
            "https://[::ffff:10.0.0.1]/hook", "https://[0:0:0:0:0:ffff:192.168.0.1]/hook",
            // IPv4 hidden in IPv6: IPv4-compatible, NAT64, 6to4 (found passing before: fixed)
            "https://[::127.0.0.1]/hook", "https://[64:ff9b::7f00:1]/hook", "https://[64:ff9b::a9fe:a9fe]/hook",
            "https://[2002:7f00:1::]/hook", "https://[2002:c0a8:101::1]/hook",
            // decimal, octal and hex forms (decimal 2130706433 is 127.0.0.1; octal 0177.0.0.1 is 127.0.0.1 to curl and libc)
            "https://2130706433/hook", "https://0177.0.0.1/hook", "https://0x7f000001/hook", "https://0x7f.0.0.1/hook",
            "https://017700000001/hook", "https://3232235777/hook", "https://0251.0376.0251.0376/latest/meta-data",
            // link-local, unspecified, this-network, multicast, reserved, broadcast, CGNAT, benchmarking
            "https://[fe80::1]/hook", "https://169.254.0.1/hook", "https://[::]/hook", "https://0.1.2.3/hook",
            "https://224.0.0.1/hook", "https://240.0.0.1/hook", "https://255.255.255.255/hook", "https://100.127.255.254/hook",
            "https://198.18.0.1/hook", "https://192.0.0.170/hook", "https://[fec0::1]/hook", "https://[ff02::1]/hook",
            // DNS names that resolve to loopback
            "https://localhost/hook", "https://LOCALHOST:8443/hook", "https://localhost./hook",
            // URL tricks and other schemes
            "https://93.184.216.34@127.0.0.1/hook", "https://127.0.0.1#@93.184.216.34/hook", "https:///hook",
            "file:///etc/passwd", "gopher://127.0.0.1:25/_HELO", "ftp://93.184.216.34/", "jar:https://93.184.216.34!/",
            "https://93.184.216.34\\@127.0.0.1/hook", "HTTP://93.184.216.34/hook", "//93.184.216.34/hook", ""})
    void shouldRefuseEverySpellingOfAnInternalTarget(String url) {
        assertThat(production.refusal(url)).as(url).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook",
            "HTTPS://93.184.216.34:8443/hook?x=1", "https://[::ffff:93.184.216.34]/hook"})
    void shouldAllowHttpsToPublicAddresses(String url) {
        assertThat(production.refusal(url)).as(url).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:9000/hook"})
    void shouldAllowLoopbackWhenConfiguredForLocalUse(String url) {
        assertThat(new WebhookTargets(true, new SystemHostResolver()).refusal(url)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433:8080/hook", "http://0177.0.0.1/hook"})
    void shouldRefuseAmbiguousNumericHostsEvenForLocalUse(String url) {
        assertThat(new WebhookTargets(true, new SystemHostResolver()).refusal(url)).isNotNull();
    }

    /**
     * A name whose answer changes after the check (DNS rebinding): the check hands over the public address it vetted,
     * after one lookup; the next check sees the new answer and refuses it.
     */
    @Test
    void shouldHandOverTheAddressItVettedFromItsOneLookup() throws Exception {
        List<String> lookups = new ArrayList<>();
        HostResolver rebinding = host -> {
            lookups.add(host);
            return List.of(InetAddress.getByName(lookups.size() == 1 ? "93.184.216.34" : "127.0.0.1"));
        };
        WebhookTargets targets = new WebhookTargets(false, rebinding);

        WebhookTargets.Vetted vetted = targets.vet("https://hooks.rebinding.test/ipr-harbor");
        assertThat(vetted.refusal()).isNull();
        assertThat(vetted.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(vetted.uri().getHost()).isEqualTo("hooks.rebinding.test");
        assertThat(lookups).containsExactly("hooks.rebinding.test");

        assertThat(targets.vet("https://hooks.rebinding.test/ipr-harbor").refusal()).contains("127.0.0.1");
    }

    @Test
    void shouldRefuseAHostWithAnyInternalAddress() throws Exception {
        HostResolver mixed = host -> List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7"));
        assertThat(new WebhookTargets(false, mixed).vet("https://hooks.example/x").refusal()).contains("10.0.0.7");
    }
}
