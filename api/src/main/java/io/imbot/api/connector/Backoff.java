package io.imbot.api.connector;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th delay is drawn from [d/2, d] where d = initial * 2^n,
 * capped at max. Jitter keeps many clients from reconnecting in lockstep after a server restart.
 *
 * <p>For connectors: a wrong password, a refused certificate or a server that is down must not turn
 * into a retry storm. Not thread-safe; use it from one thread.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int failures;

    /** Creates a backoff; {@code random} decides the jitter. */
    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMs = Math.max(1, initial.toMillis());
        this.maxMs = Math.max(initialMs, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public long nextDelayMillis() {
        int shift = Math.min(failures, 30);
        long ceiling = Math.min(maxMs, initialMs << shift);
        failures++;
        long floor = ceiling / 2;
        return floor + random.nextLong(ceiling - floor + 1);
    }

    /** Forgets past failures (after a connection stayed up long enough). */
    public void reset() {
        failures = 0;
    }

    /** How many delays were handed out since the last reset. */
    public int failures() {
        return failures;
    }
}
