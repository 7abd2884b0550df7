package io.imbot.server;

import io.imbot.protocol.Fields;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the reference server listens and what it bounds. Immutable; start from {@link #defaults()}
 * and change what you need with the {@code with*} methods:
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.defaults().withPort(0).withTokens(Map.of("bot", "s3cret"));
 * }</pre>
 *
 * @param host the interface to bind, {@code 127.0.0.1} by default
 * @param port the TCP port, {@code 7070} by default; {@code 0} picks a free port (see {@link
 *     ImServer#port()})
 * @param maxFrameBytes the largest accepted frame payload in bytes, 1 MiB by default; a larger
 *     length prefix is a fatal {@code frame_too_large}
 * @param tokens user name to login token; an empty map lets anyone log in as anyone
 * @param offlineQueueLimit the most messages queued for one recipient (delivered or not, but not yet
 *     acknowledged by it); a message that would exceed it is refused with {@code busy}
 * @param deliveryWindow the most messages written to one recipient and not yet acknowledged by it
 * @param dedupCapacity how many accepted (sender, id) pairs are remembered for deduplication; the
 *     oldest is forgotten first
 * @param idleTimeout a connection that sends nothing for this long is closed; {@link Duration#ZERO}
 *     disables the check
 */
public record ServerOptions(
        String host,
        int port,
        int maxFrameBytes,
        Map<String, String> tokens,
        int offlineQueueLimit,
        int deliveryWindow,
        int dedupCapacity,
        Duration idleTimeout) {

    /** Default {@link #host()}. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default {@link #port()}. */
    public static final int DEFAULT_PORT = 7070;
    /** Default {@link #maxFrameBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** Default {@link #offlineQueueLimit()}. */
    public static final int DEFAULT_OFFLINE_QUEUE_LIMIT = 100_000;
    /** Default {@link #deliveryWindow()}. */
    public static final int DEFAULT_DELIVERY_WINDOW = 1000;
    /** Default {@link #dedupCapacity()}. */
    public static final int DEFAULT_DEDUP_CAPACITY = 1_000_000;
    /** Default {@link #idleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);

    /** The smallest frame limit the decoder accepts. */
    static final int MIN_FRAME_BYTES = 16;

    /**
     * Validates every field and copies {@code tokens}.
     *
     * @throws IllegalArgumentException naming the first field that is out of range
     */
    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxFrameBytes < MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes must be >= " + MIN_FRAME_BYTES + ", was " + maxFrameBytes);
        }
        Objects.requireNonNull(tokens, "tokens");
        tokens.forEach((user, token) -> {
            if (!Fields.isUser(user)) {
                throw new IllegalArgumentException("tokens: '" + user + "' is not a valid user name");
            }
            if (token == null) {
                throw new IllegalArgumentException("tokens: the token of '" + user + "' is null");
            }
        });
        tokens = Map.copyOf(tokens);
        requirePositive("offlineQueueLimit", offlineQueueLimit);
        requirePositive("deliveryWindow", deliveryWindow);
        requirePositive("dedupCapacity", dedupCapacity);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
    }

    /** The defaults: {@code 127.0.0.1:7070}, open login, the limits named by the constants. */
    public static ServerOptions defaults() {
        return new ServerOptions(
                DEFAULT_HOST,
                DEFAULT_PORT,
                DEFAULT_MAX_FRAME_BYTES,
                Map.of(),
                DEFAULT_OFFLINE_QUEUE_LIMIT,
                DEFAULT_DELIVERY_WINDOW,
                DEFAULT_DEDUP_CAPACITY,
                DEFAULT_IDLE_TIMEOUT);
    }

    /** A copy with {@link #host()} replaced. */
    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, maxFrameBytes, tokens, offlineQueueLimit, deliveryWindow, dedupCapacity, idleTimeout);
    }

    /** A copy with {@link #port()} replaced. */
    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, maxFrameBytes, tokens, offlineQueueLimit, deliveryWindow, dedupCapacity, idleTimeout);
    }

    /** A copy with {@link #maxFrameBytes()} replaced. */
    public ServerOptions withMaxFrameBytes(int value) {
        return new ServerOptions(host, port, value, tokens, offlineQueueLimit, deliveryWindow, dedupCapacity, idleTimeout);
    }

    /** A copy with {@link #tokens()} replaced. */
    public ServerOptions withTokens(Map<String, String> value) {
        return new ServerOptions(host, port, maxFrameBytes, value, offlineQueueLimit, deliveryWindow, dedupCapacity, idleTimeout);
    }

    /** A copy with {@link #offlineQueueLimit()} replaced. */
    public ServerOptions withOfflineQueueLimit(int value) {
        return new ServerOptions(host, port, maxFrameBytes, tokens, value, deliveryWindow, dedupCapacity, idleTimeout);
    }

    /** A copy with {@link #deliveryWindow()} replaced. */
    public ServerOptions withDeliveryWindow(int value) {
        return new ServerOptions(host, port, maxFrameBytes, tokens, offlineQueueLimit, value, dedupCapacity, idleTimeout);
    }

    /** A copy with {@link #dedupCapacity()} replaced. */
    public ServerOptions withDedupCapacity(int value) {
        return new ServerOptions(host, port, maxFrameBytes, tokens, offlineQueueLimit, deliveryWindow, value, idleTimeout);
    }

    /** A copy with {@link #idleTimeout()} replaced. */
    public ServerOptions withIdleTimeout(Duration value) {
        return new ServerOptions(host, port, maxFrameBytes, tokens, offlineQueueLimit, deliveryWindow, dedupCapacity, value);
    }

    @Override
    public String toString() {
        // Never print the tokens themselves.
        return "ServerOptions[host=" + host + ", port=" + port + ", maxFrameBytes=" + maxFrameBytes
                + ", tokens=" + tokens.size() + " user(s), offlineQueueLimit=" + offlineQueueLimit
                + ", deliveryWindow=" + deliveryWindow + ", dedupCapacity=" + dedupCapacity
                + ", idleTimeout=" + idleTimeout + "]";
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
