package org.iprharbor.notification.delivery;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.iprharbor.notification.domain.Delivery;
import org.iprharbor.testing.contracts.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A channel is one enum value plus its sender: the service refuses to start when a channel has no sender or two,
 * and the published delivery events name exactly the enum's channels.
 */
class ChannelSendersTest {

    @Test
    void shouldFindTheSenderOfEveryChannel() {
        List<ChannelSender> senders = Arrays.stream(Delivery.Channel.values()).<ChannelSender>map(FakeSender::new).toList();

        ChannelSenders channels = new ChannelSenders(senders);

        for (Delivery.Channel channel : Delivery.Channel.values()) {
            assertThat(channels.of(channel).channel()).isEqualTo(channel);
        }
    }

    @Test
    void shouldRefuseToStartWhenAChannelHasNoSender() {
        List<ChannelSender> allButWebhook = Arrays.stream(Delivery.Channel.values())
                .filter(channel -> channel != Delivery.Channel.WEBHOOK).<ChannelSender>map(FakeSender::new).toList();

        assertThatThrownBy(() -> new ChannelSenders(allButWebhook))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no ChannelSender").hasMessageContaining("WEBHOOK");
    }

    @Test
    void shouldRefuseToStartWhenAChannelHasTwoSenders() {
        List<ChannelSender> twoForEmail = List.of(new FakeSender(Delivery.Channel.EMAIL), new FakeSender(Delivery.Channel.EMAIL));

        assertThatThrownBy(() -> new ChannelSenders(twoForEmail))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("more than one").hasMessageContaining("EMAIL");
    }

    @Test
    void shouldDocumentEveryChannelInTheDeliveryEventContract() throws Exception {
        JsonNode channel = new ObjectMapper(new YAMLFactory())
                .readTree(ContractFiles.asyncApi("notification-service").toFile())
                .at("/components/schemas/DeliveryEvent/properties/channel/enum");

        assertThat(channel.isArray()).as("DeliveryEvent.channel is an enum").isTrue();
        assertThat(channel).extracting(JsonNode::asText)
                .containsExactly(Arrays.stream(Delivery.Channel.values()).map(Enum::name).toArray(String[]::new));
    }

    /** A sender that only names its channel. */
    private record FakeSender(Delivery.Channel channel) implements ChannelSender {

        @Override
        public Outcome send(Delivery delivery) {
            return new Outcome(true, null, null, null, 0);
        }
    }
}
