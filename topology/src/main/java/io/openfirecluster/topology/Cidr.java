package io.openfirecluster.topology;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 subnet in CIDR notation, e.g. {@code 172.60.0.0/24} or {@code fd23:d79:d076::/64}. */
public final class Cidr {
    private final String text;
    private final BigInteger network;
    private final int prefix;
    private final int bits;

    private Cidr(String text, BigInteger network, int prefix, int bits) {
        this.text = text;
        this.network = network;
        this.prefix = prefix;
        this.bits = bits;
    }

    public static Cidr parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new LabException("subnet '" + text + "' is not in CIDR notation (e.g. 172.60.0.0/24): fix lab.subnet/lab.subnet6");
        }
        String address = trimmed.substring(0, slash);
        // Only literal addresses: InetAddress.getByName would otherwise resolve host names.
        if (!address.matches("[0-9.]+") && !address.matches("[0-9a-fA-F:]*:[0-9a-fA-F:]*")) {
            throw new LabException("subnet '" + text + "' does not start with an IP address: fix lab.subnet/lab.subnet6");
        }
        byte[] bytes;
        int prefix;
        try {
            bytes = InetAddress.getByName(address).getAddress();
            prefix = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new LabException("subnet '" + text + "' is not a valid CIDR: fix lab.subnet/lab.subnet6");
        }
        int bits = bytes.length * 8;
        if (prefix < 8 || prefix > bits - 2) {
            throw new LabException("subnet '" + text + "' has prefix /" + prefix + ", which leaves no room for the lab: use /8 to /" + (bits - 2));
        }
        BigInteger value = new BigInteger(1, bytes);
        if (!value.and(hostMask(prefix, bits)).equals(BigInteger.ZERO)) {
            throw new LabException("subnet '" + text + "' has host bits set: write its network address, e.g. "
                    + format(value.andNot(hostMask(prefix, bits)), bits) + "/" + prefix);
        }
        return new Cidr(trimmed, value, prefix, bits);
    }

    public boolean isIpv6() {
        return bits == 128;
    }

    /**
     * The address of host number {@code host} in this subnet, by the lab's "same last group" rule:
     * host 10 is {@code .10} in IPv4 and {@code ::10} in IPv6 (the decimal digits read as a hex group),
     * so that the two addresses of a service look alike.
     */
    public String address(int host) {
        BigInteger offset = isIpv6()
                ? BigInteger.valueOf(Integer.parseInt(Integer.toString(host), 16))
                : BigInteger.valueOf(host);
        if (host <= 0 || offset.compareTo(hostMask(prefix, bits)) >= 0) {
            throw new LabException("host number " + host + " does not fit in subnet " + text + ": choose a larger subnet or a smaller host number");
        }
        return format(network.add(offset), bits);
    }

    /** The gateway Docker gives the bridge (the first address); the lab never assigns it. */
    public String gateway() {
        return format(network.add(BigInteger.ONE), bits);
    }

    public boolean contains(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length * 8 == bits
                    && new BigInteger(1, bytes).andNot(hostMask(prefix, bits)).equals(network);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static BigInteger hostMask(int prefix, int bits) {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }

    private static String format(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        try {
            return compress(InetAddress.getByAddress(bytes).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java prints IPv6 uncompressed (fd23:d79:d076:0:0:0:0:10); Docker and people write fd23:d79:d076::10. */
    private static String compress(String address) {
        if (!address.contains(":")) {
            return address;
        }
        String[] groups = address.split(":");
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: "::" only for a run of two or more zero groups
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && groups[start + length].equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return address;
        }
        return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
                + String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    }

    @Override
    public String toString() {
        return text;
    }
}
