package org.iprharbor.notification.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.iprharbor.notification.config.NotificationConfig;

/**
 * Refuses webhook URLs that would make the platform reach inside a network (SSRF): only https to public
 * addresses in production, checked when a subscription is registered and again before every send (a DNS name
 * may point elsewhere by then). A send connects to the address this check vetted, never to a second lookup's.
 */
@ApplicationScoped
public class WebhookTargets {

    private final boolean allowPrivate;
    private final HostResolver resolver;

    @Inject
    WebhookTargets(NotificationConfig config, HostResolver resolver) {
        this(config.webhooks().allowPrivateTargets(), resolver);
    }

    WebhookTargets(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL may not be called, or null when it may. */
    public String refusal(String url) {
        return vet(url).refusal();
    }

    /** The URL checked: why it may not be called, or the address it may be called at. */
    public Vetted vet(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Vetted.refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Vetted.refused("must use https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Vetted.refused("must name a host and no user information");
        }
        if (InternalAddresses.ambiguousNumericHost(uri.getHost())) {
            return Vetted.refused("writes an IP address in a form other than four decimal numbers (decimal, octal or hex forms are read differently by different programs)");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.addressesOf(uri.getHost());
        } catch (UnknownHostException e) {
            return Vetted.refused("names a host that does not resolve");
        }
        if (addresses.isEmpty()) {
            return Vetted.refused("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && InternalAddresses.internal(address)) {
                return Vetted.refused("resolves to an internal address (" + address.getHostAddress() + "), which webhooks may not reach");
            }
        }
        return new Vetted(null, uri, addresses.get(0));
    }

    /**
     * A URL checked: refused with a reason, or allowed with the address to connect to (the first the check looked
     * at and found public; a host's other addresses are not tried, as the JDK's HTTP client did not either).
     */
    public record Vetted(String refusal, URI uri, InetAddress address) {

        static Vetted refused(String reason) {
            return new Vetted(reason, null, null);
        }
    }
}
