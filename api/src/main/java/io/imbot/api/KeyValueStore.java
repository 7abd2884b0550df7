package io.imbot.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A plugin's own key-value store, for state such as a per-user count: kept in the daemon's
 * database, so it survives restarts, and shared by the plugin's bots. Each operation is atomic,
 * {@link #add} included (no lost update between two bots or two messages). Safe from any thread;
 * the stages complete on the daemon's threads, so do not block in their callbacks.
 *
 * <p>Keys are 1 to {@value #MAX_KEY_CHARS} characters, values at most {@value #MAX_VALUE_CHARS};
 * an operation outside those limits fails with {@link IllegalArgumentException}.
 *
 * <p>{@code onMessage} runs on the bot's own thread, so it may simply wait for the answer, and its
 * reply then counts as the message's answer (sent once, even after a crash):
 *
 * <pre>{@code
 * long n = ctx.store().add("rolls/" + event.message().from(), 1).toCompletableFuture().join();
 * event.reply("that was your roll number " + n);
 * }</pre>
 */
public interface KeyValueStore {

    /** The longest key. */
    int MAX_KEY_CHARS = 200;

    /** The longest value. */
    int MAX_VALUE_CHARS = 65_536;

    /** The most entries {@link #entries} returns. */
    int MAX_ENTRIES = 1000;

    /** The value under {@code key}, or empty when there is none. */
    CompletionStage<Optional<String>> get(String key);

    /** Stores {@code value} under {@code key}, replacing what was there; completes once durable. */
    CompletionStage<Void> put(String key, String value);

    /** Removes {@code key}; completes with whether it was there. */
    CompletionStage<Boolean> delete(String key);

    /**
     * Adds {@code delta} to the whole number under {@code key} (0 when there is none) and stores
     * the sum, atomically.
     *
     * @return the new value; fails with {@link IllegalStateException} when the value there is not a whole number
     */
    CompletionStage<Long> add(String key, long delta);

    /**
     * The entries whose keys start with {@code prefix}, in key order, at most {@code limit} (up to
     * {@value #MAX_ENTRIES}).
     */
    CompletionStage<Map<String, String>> entries(String prefix, int limit);

    /** A store that keeps its entries in memory only: for tests and for a daemon without a database. */
    static KeyValueStore inMemory() {
        return new MemoryKeyValueStore();
    }

    /**
     * Checks a key, and a value unless it is {@code null}, against the limits.
     *
     * @throws IllegalArgumentException naming the problem
     */
    static void check(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_CHARS) {
            throw new IllegalArgumentException("a key must be 1 to " + MAX_KEY_CHARS + " characters, got "
                    + (key == null ? "null" : key.length() + " characters"));
        }
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("a value must be at most " + MAX_VALUE_CHARS + " characters, got " + value.length());
        }
    }

    /**
     * Parses a stored whole number for {@link #add}.
     *
     * @throws IllegalStateException naming the key when the value is not one
     */
    static long number(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the value under '" + key + "' is not a whole number, so add() cannot count with it");
        }
    }
}
