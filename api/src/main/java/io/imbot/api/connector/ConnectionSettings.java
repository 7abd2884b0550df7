package io.imbot.api.connector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One connection as {@code imbot.yaml} configures it.
 *
 * @param name the connection's name, unique in the daemon; history and conversations carry it
 * @param kind which {@link ConnectorFactory} makes the connector
 * @param url where to connect, in the connector's own scheme (such as {@code tcp://host:7070})
 * @param user the account the bot logs in as
 * @param token the account's password or token; empty when none
 * @param rooms rooms to join after each login, each starting with {@code #}
 * @param reconnectInitial the first delay before reconnecting
 * @param reconnectMax the longest delay between attempts
 * @param options the connector's own settings (the connection's {@code options:} map), read-only
 */
public record ConnectionSettings(
        String name,
        String kind,
        String url,
        String user,
        String token,
        List<String> rooms,
        Duration reconnectInitial,
        Duration reconnectMax,
        Map<String, Object> options) {

    /** Checks for nulls and copies the collections. */
    public ConnectionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(reconnectInitial, "reconnectInitial");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        rooms = List.copyOf(rooms);
        options = Map.copyOf(options);
    }

    /** The option {@code key} as text, or {@code fallback} when it is not set. */
    public String option(String key, String fallback) {
        Object v = options.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    /**
     * The option {@code key} as a whole number, or {@code fallback} when it is not set.
     *
     * @throws IllegalArgumentException naming the option when it is not a whole number
     */
    public long option(String key, long fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(key) + ": expected a whole number, got '" + v + "'");
        }
    }

    /**
     * The option {@code key} as true or false, or {@code fallback} when it is not set.
     *
     * @throws IllegalArgumentException naming the option when it is neither
     */
    public boolean option(String key, boolean fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        String text = String.valueOf(v).trim();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException(where(key) + ": expected true or false, got '" + v + "'");
    }

    /**
     * The option {@code key} as a duration ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or a
     * {@link Duration}), or {@code fallback} when it is not set.
     *
     * @throws IllegalArgumentException naming the option when it is not a duration
     */
    public Duration option(String key, Duration fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Duration d) {
            return d;
        }
        try {
            return DurationText.parse(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(key) + ": " + e.getMessage());
        }
    }

    /**
     * The option {@code key} as a whole number from {@code min} to {@code max}, or {@code fallback}.
     *
     * @throws IllegalArgumentException naming the option and the range when it is outside
     */
    public long option(String key, long fallback, long min, long max) {
        long v = option(key, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException(where(key) + ": expected " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    /**
     * The option {@code key} as a duration from {@code min} to {@code max}, or {@code fallback}.
     *
     * @throws IllegalArgumentException naming the option and the range when it is outside
     */
    public Duration option(String key, Duration fallback, Duration min, Duration max) {
        Duration d = option(key, fallback);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(where(key) + ": expected " + min.toMillis() + " ms to " + max.toMillis() + " ms, got "
                    + d.toMillis() + " ms");
        }
        return d;
    }

    /**
     * The option {@code key} as a file that can be read, found by {@code resolve} (such as {@link
     * ConnectorHost#file}), as an absolute path; empty when the option is not set.
     *
     * @throws IllegalArgumentException naming the option and the file when it cannot be read
     */
    public Optional<Path> readableFile(String key, Function<String, Path> resolve) {
        String configured = option(key, "");
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Path file = resolve.apply(configured).toAbsolutePath().normalize();
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(where(key) + ": no readable file " + file);
        }
        return Optional.of(file);
    }

    private String where(String key) {
        return "connections." + name + ".options." + key;
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ConnectionSettings[" + name + ": " + kind + " " + url + " as " + user + (token.isEmpty() ? "" : ", token=***")
                + ", rooms=" + rooms + ", options=" + options.keySet() + "]";
    }
}
