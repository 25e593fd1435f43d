package org.iprharbor.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's resolver (the JVM's, which follows the machine's DNS configuration and caches answers for
 * {@code networkaddress.cache.ttl}). Public so a test can replace it with a subclass (QuarkusMock swaps a bean only
 * for an instance of its class).
 */
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> addressesOf(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
