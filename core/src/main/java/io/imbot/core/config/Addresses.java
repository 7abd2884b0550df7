package io.imbot.core.config;

import io.netty.util.NetUtil;

/** Classifies a configured host without asking DNS: only literals and {@code localhost} count. */
final class Addresses {

    private Addresses() {}

    /** {@code localhost}, 127.0.0.0/8 or ::1. Any other name is not loopback, whatever it resolves to. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        byte[] ip = literal(host);
        if (ip == null) {
            return false;
        }
        if (ip.length == 4) {
            return ip[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 1;
    }

    /** 0.0.0.0 or :: (every interface). */
    static boolean isWildcard(String host) {
        byte[] ip = literal(host);
        if (ip == null) {
            return false;
        }
        for (byte b : ip) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The address bytes of an IPv4 or IPv6 literal (brackets allowed), or {@code null} for a name. */
    private static byte[] literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return NetUtil.createByteArrayFromIpAddressString(h);
    }
}
