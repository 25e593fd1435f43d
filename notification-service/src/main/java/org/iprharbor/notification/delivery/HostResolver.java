package org.iprharbor.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up a webhook host's addresses: the one lookup per send, whose answer the SSRF check vets and the connection
 * then uses. A bean, so a test can answer differently on each lookup, as a rebinding DNS server would.
 */
public interface HostResolver {

    /** Every address the name resolves to now (an IP address resolves to itself, without a lookup). */
    List<InetAddress> addressesOf(String host) throws UnknownHostException;
}
