package org.iprharbor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.iprharbor.notification.config.NotificationConfig;
import org.iprharbor.notification.domain.Delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * The email channel: sends a queued email over SMTP (Quarkus Mailer), with a plain-text and an HTML part.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final String from;

    EmailSender(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.from = config.fromAddress();
    }

    @Override
    public Delivery.Channel channel() {
        return Delivery.Channel.EMAIL;
    }

    @Override
    public Outcome send(Delivery delivery) {
        long start = System.nanoTime();
        try {
            Mail mail = Mail.withText(delivery.address, delivery.subject, delivery.body).setFrom(from);
            if (delivery.html != null) {
                mail.setHtml(delivery.html);
            }
            mail.addHeader("Content-Language", delivery.language);
            mailer.send(mail);
            return new Outcome(true, null, null, null, elapsed(start));
        } catch (RuntimeException e) {
            return new Outcome(false, null, null, "SMTP: " + e.getMessage(), elapsed(start));
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
