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
    private String lastWarned;

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

    /**
     * Whether a failed attempt for {@code reason} deserves a warning rather than a debug line: a
     * reason not warned about since the last login, and then every tenth attempt, so a wrong
     * password or certificate is said, not repeated every few seconds for hours.
     */
    public boolean shouldWarn(String reason) {
        boolean warn = !reason.equals(lastWarned) || failures % 10 == 0;
        if (warn) {
            lastWarned = reason;
        }
        return warn;
    }

    /** Marks a successful login: the next failure is warned about whatever its reason. */
    public void loggedIn() {
        lastWarned = null;
    }

    /** How many delays were handed out since the last reset. */
    public int failures() {
        return failures;
    }
}
