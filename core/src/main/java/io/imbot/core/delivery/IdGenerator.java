package io.imbot.core.delivery;

import java.security.SecureRandom;

/**
 * Message IDs: a random prefix drawn once per process (60 bits) and a counter. IDs are unique
 * across restarts and sort in sending order within one process. Not thread-safe: one per engine.
 */
final class IdGenerator {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private final String prefix;
    private long counter;

    IdGenerator() {
        SecureRandom random = new SecureRandom();
        char[] p = new char[12];
        for (int i = 0; i < p.length; i++) {
            p[i] = ALPHABET[random.nextInt(32)];
        }
        this.prefix = new String(p) + "-";
    }

    String next() {
        return prefix + Long.toString(++counter, 36);
    }
}
