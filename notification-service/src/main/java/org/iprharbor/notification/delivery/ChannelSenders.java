package org.iprharbor.notification.delivery;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.iprharbor.notification.domain.Delivery;

import io.quarkus.runtime.Startup;

/**
 * The sender of each {@link Delivery.Channel}, found by CDI; built at startup, so a channel without a sender (or with
 * two) stops the service from starting instead of failing its deliveries later.
 */
@Startup
@ApplicationScoped
public class ChannelSenders {

    private final Map<Delivery.Channel, ChannelSender> byChannel = new EnumMap<>(Delivery.Channel.class);

    @Inject
    ChannelSenders(Instance<ChannelSender> senders) {
        this((Iterable<ChannelSender>) senders);
    }

    ChannelSenders(Iterable<ChannelSender> senders) {
        for (ChannelSender sender : senders) {
            if (byChannel.put(sender.channel(), sender) != null) {
                throw new IllegalStateException("more than one ChannelSender for the channel " + sender.channel());
            }
        }
        Set<Delivery.Channel> missing = EnumSet.allOf(Delivery.Channel.class);
        missing.removeAll(byChannel.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no ChannelSender for the channel(s) " + missing);
        }
    }

    /** The sender of the channel; every channel has one. */
    ChannelSender of(Delivery.Channel channel) {
        return byChannel.get(channel);
    }
}
