package org.iprharbor.reliability.scenario;

import java.util.List;

import org.iprharbor.reliability.load.HarborClient;
import org.iprharbor.reliability.load.Trade;
import org.iprharbor.reliability.receiver.WebhookReceiver;
import org.iprharbor.stack.LocalStack;

/**
 * What every scenario runs against: the stack (with its fault handles), the client and the trades it may make,
 * the loopback webhook receiver subscribed to every deal event, and whether this is the reduced (CI) form.
 */
public record ScenarioContext(LocalStack stack, HarborClient client, List<Trade> trades, WebhookReceiver receiver,
        String integratorToken, boolean quick) {

    public String url(String service) {
        return stack.config().services().stream().filter(spec -> spec.name().equals(service)).findFirst()
                .orElseThrow().baseUrl();
    }

    public String dealUrl() {
        return url("deal-service");
    }

    public int offersPerSecond() {
        return quick ? 4 : 8;
    }
}
