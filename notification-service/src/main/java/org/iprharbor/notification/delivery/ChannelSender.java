package org.iprharbor.notification.delivery;

import java.time.Instant;

import org.iprharbor.notification.domain.Delivery;

/**
 * How deliveries of one {@link Delivery.Channel} leave the platform: one CDI bean per channel, so adding a channel
 * means adding its sender, not editing the worker.
 */
public interface ChannelSender {

    /** The channel this sender delivers; exactly one sender per channel ({@link ChannelSenders} checks it). */
    Delivery.Channel channel();

    /** Makes one attempt, outside any transaction; a failure to deliver is an unsuccessful {@link Outcome}. */
    Outcome send(Delivery delivery);

    /**
     * Updates what the channel keeps about the delivery's target (a webhook endpoint's health), in the transaction
     * that records the attempt; nothing by default.
     */
    default void attempted(Delivery delivery, Outcome outcome, Instant at) {
    }
}
