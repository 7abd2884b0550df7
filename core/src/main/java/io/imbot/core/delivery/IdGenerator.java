package io.imbot.core.delivery;

import java.security.SecureRandom;
import java.util.function.LongSupplier;

/**
 * Fresh message IDs that sort, as strings, in the order they were made: 10 characters of the time
 * in milliseconds, 4 of a counter within the millisecond, then 8 random characters drawn once per
 * process (40 bits) that keep two processes apart. All characters come from one alphabet in ASCII
 * order, every part has a fixed width, so string order is time order. Within a process IDs only
 * grow, even if the clock steps back (the last time is kept). Unique across restarts and
 * processes. Not thread-safe: one per message center.
 */
final class IdGenerator {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final int TIME_CHARS = 10;
    private static final int COUNTER_CHARS = 4;
    private static final int MAX_COUNTER = (1 << (5 * COUNTER_CHARS)) - 1;
    /** The length of every ID this class makes. */
    static final int LENGTH = TIME_CHARS + COUNTER_CHARS + 8;

    private final LongSupplier clock;
    private final String processPart;
    private long lastMillis = -1;
    private int counter;

    IdGenerator() {
        this(System::currentTimeMillis, new SecureRandom());
    }

    IdGenerator(LongSupplier clock, SecureRandom random) {
        this.clock = clock;
        char[] p = new char[8];
        for (int i = 0; i < p.length; i++) {
            p[i] = ALPHABET[random.nextInt(32)];
        }
        this.processPart = new String(p);
    }

    String next() {
        long now = clock.getAsLong();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > MAX_COUNTER) { // a million IDs in one millisecond: borrow the next one
            lastMillis++;
            counter = 0;
        }
        char[] id = new char[LENGTH];
        put(id, 0, TIME_CHARS, lastMillis);
        put(id, TIME_CHARS, COUNTER_CHARS, counter);
        processPart.getChars(0, 8, id, TIME_CHARS + COUNTER_CHARS);
        return new String(id);
    }

    /** Writes {@code value} in base 32, most significant first, into {@code width} characters. */
    private static void put(char[] out, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
