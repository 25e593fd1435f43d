package org.iprharbor.notification.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.iprharbor.notification.config.NotificationConfig;

/**
 * Refuses webhook URLs that would make the platform reach inside a network (SSRF): only https to public
 * addresses in production, checked when a subscription is registered and again before every send (a DNS name
 * may point elsewhere by then).
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean allowPrivate;

    @Inject
    WebhookTargets(NotificationConfig config) {
        this(config.webhooks().allowPrivateTargets());
    }

    WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not be called, or null when it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return "must use https";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return "must name a host and no user information";
        }
        if (InternalAddresses.ambiguousNumericHost(uri.getHost())) {
            return "writes an IP address in a form other than four decimal numbers (decimal, octal or hex forms are read differently by different programs)";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!allowPrivate && InternalAddresses.internal(address)) {
                    return "resolves to an internal address (" + address.getHostAddress() + "), which webhooks may not reach";
                }
            }
        } catch (UnknownHostException e) {
            return "names a host that does not resolve";
        }
        return null;
    }
}
