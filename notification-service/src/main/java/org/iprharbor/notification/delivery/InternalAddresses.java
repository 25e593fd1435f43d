package org.iprharbor.notification.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses lie inside a network rather than on the public internet, including IPv4 addresses hidden in IPv6
 * ones (IPv4-mapped, IPv4-compatible, NAT64, 6to4), and which host names are IP addresses written in a form other
 * programs read differently (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f000001}).
 */
final class InternalAddresses {

    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*\\.?");

    private InternalAddresses() {
    }

    /** A host that looks like an IPv4 address but is not four plain decimal numbers. */
    static boolean ambiguousNumericHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return NUMERIC_LOOKING.matcher(lower).matches() && !CANONICAL_IPV4.matcher(lower).matches();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return internalV4(bytes);
        }
        byte[] embedded = embeddedIpv4((Inet6Address) address);
        if (embedded != null) {
            return internalV4(embedded) || internal(v4(embedded));
        }
        return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
    }

    private static boolean internalV4(byte[] ip) {
        int a = ip[0] & 0xff;
        int b = ip[1] & 0xff;
        return a == 0 // "this network" 0.0.0.0/8: Linux connects 0.0.0.0 to itself
                || a == 127 || a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)
                || (a == 169 && b == 254)
                || (a == 100 && (b & 0xc0) == 64) // carrier-grade NAT 100.64.0.0/10
                || (a == 192 && b == 0 && (ip[2] & 0xff) == 0) // IETF protocol assignments 192.0.0.0/24
                || (a == 198 && (b & 0xfe) == 18) // benchmarking 198.18.0.0/15
                || a >= 224; // multicast, reserved 240.0.0.0/4 and broadcast
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static byte[] embeddedIpv4(Inet6Address address) {
        byte[] ip = address.getAddress();
        boolean zeroPrefix = Arrays.equals(Arrays.copyOfRange(ip, 0, 12), new byte[12]);
        boolean nat64 = ip[0] == 0x00 && ip[1] == 0x64 && (ip[2] & 0xff) == 0xff && (ip[3] & 0xff) == 0x9b
                && Arrays.equals(Arrays.copyOfRange(ip, 4, 12), new byte[8]);
        if (zeroPrefix || nat64) {
            return Arrays.copyOfRange(ip, 12, 16);
        }
        if (ip[0] == 0x20 && ip[1] == 0x02) {
            return Arrays.copyOfRange(ip, 2, 6);
        }
        return null;
    }

    private static InetAddress v4(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // cannot happen for four bytes
        }
    }
}
