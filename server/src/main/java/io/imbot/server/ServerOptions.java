package io.imbot.server;

import io.imbot.protocol.Fields;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the reference server listens, whom it lets in and what it bounds. Immutable; start from
 * {@link #defaults()} and change what you need with the {@code with*} methods:
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.defaults().withPort(0)
 *         .withAccounts(Map.of("bot", TokenHash.of(botToken)))
 *         .withOpenLogin(true)                 // demo: anyone else gets in without a token
 *         .withReservedUsers(Set.of("bot"))
 *         .withWebSocketPort(7071)             // ws://127.0.0.1:7071/imbot as well
 *         .withTls("cert.pem", "key.pem");     // ...as wss://, and TLS on port 7070 too
 * }</pre>
 *
 * <p>Memory: what one client can make the server hold is bounded in bytes: a connection that has
 * not logged in buffers at most {@link #PRE_LOGIN_MAX_FRAME_BYTES}, a logged-in one at most about
 * {@code maxFrameBytes} plus one socket read, and queued messages at most {@code queueBytesLimit} per recipient and
 * {@code totalQueueBytesLimit} in all.
 *
 * @param host the interface to bind, {@code 127.0.0.1} by default
 * @param port the TCP port, {@code 7070} by default; {@code 0} picks a free port (see {@link
 *     ImServer#port()})
 * @param maxFrameBytes the largest accepted frame payload in bytes once logged in, 1 MiB by
 *     default; a larger length prefix is a fatal {@code frame_too_large}
 * @param accounts user name to the hash of its token: such a user logs in only with that token
 * @param openLogin whether users without an account may log in, with any token or none; off by
 *     default (then only accounts log in), meant for demos, and logged as a warning at start
 * @param reservedUsers names open login never admits: without an account nobody can log in as
 *     them (the daemon reserves its own bot user)
 * @param maxConnections the most client connections at once; more are closed as soon as they are
 *     accepted
 * @param loginTimeout a connection that has not sent {@code login} within this is refused and
 *     closed
 * @param idleTimeout a connection that sends no whole frame for this long is closed (bytes of an
 *     unfinished frame do not count); {@link Duration#ZERO} disables the check
 * @param offlineQueueLimit the most messages queued for one recipient (delivered or not, but not yet
 *     acknowledged by it); a message that would exceed it is refused with {@code busy}
 * @param queueBytesLimit the most bytes queued for one recipient, counted as two per character of a
 *     message's ID, sender, recipient and body plus {@value #MESSAGE_OVERHEAD_BYTES}; a message that
 *     would exceed it is refused with {@code busy}
 * @param totalQueueBytesLimit the most bytes queued for all recipients together (a room message
 *     counts once per recipient); beyond it every message is refused with {@code busy}
 * @param deliveryWindow the most messages written to one recipient and not yet acknowledged by it
 * @param dedupCapacity how many accepted (sender, id) pairs are remembered for deduplication; the
 *     oldest is forgotten first
 * @param webSocketPort the WebSocket port ({@code ws://host:port/imbot}, see {@link
 *     ImServer#WEB_SOCKET_PATH}): {@code -1} (the default) for none, {@code 0} for a free port (see
 *     {@link ImServer#webSocketPort()}); the same sessions, limits and connection cap as the TCP port
 * @param tlsCertPath a PEM file with the server's certificate chain (its own certificate first);
 *     with {@code tlsKeyPath}, both ports speak TLS only ({@code wss://} on the WebSocket port).
 *     Empty (or null) for plain TCP and {@code ws://}
 * @param tlsKeyPath a PEM file with the private key of the certificate (PKCS#8, or PKCS#1 for RSA,
 *     or SEC1 for EC; not encrypted); empty (or null) exactly when {@code tlsCertPath} is
 */
public record ServerOptions(
        String host,
        int port,
        int maxFrameBytes,
        Map<String, TokenHash> accounts,
        boolean openLogin,
        Set<String> reservedUsers,
        int maxConnections,
        Duration loginTimeout,
        Duration idleTimeout,
        int offlineQueueLimit,
        long queueBytesLimit,
        long totalQueueBytesLimit,
        int deliveryWindow,
        int dedupCapacity,
        int webSocketPort,
        String tlsCertPath,
        String tlsKeyPath) {

    /** Default {@link #host()}. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default {@link #port()}. */
    public static final int DEFAULT_PORT = 7070;
    /** Default {@link #maxFrameBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /**
     * The largest frame a connection may send before its first {@code login}: 4 KiB, room for any
     * login. So a connection that has not said who it is costs at most this much buffer.
     */
    public static final int PRE_LOGIN_MAX_FRAME_BYTES = 4096;
    /** Default {@link #maxConnections()}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    /** Default {@link #loginTimeout()}. */
    public static final Duration DEFAULT_LOGIN_TIMEOUT = Duration.ofSeconds(5);
    /** Default {@link #idleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(90);
    /** Default {@link #offlineQueueLimit()}. */
    public static final int DEFAULT_OFFLINE_QUEUE_LIMIT = 100_000;
    /** Default {@link #queueBytesLimit()}: 64 MiB. */
    public static final long DEFAULT_QUEUE_BYTES_LIMIT = 64L << 20;
    /** Default {@link #deliveryWindow()}. */
    public static final int DEFAULT_DELIVERY_WINDOW = 1000;
    /** Default {@link #dedupCapacity()}. */
    public static final int DEFAULT_DEDUP_CAPACITY = 1_000_000;
    /** Default {@link #webSocketPort()}: no WebSocket port. */
    public static final int DEFAULT_WEB_SOCKET_PORT = -1;
    /**
     * The largest WebSocket frame the server reads, and writes: 64 KiB, as in Vert.x's defaults. A
     * longer message comes in several frames; a single frame above this is refused by the
     * WebSocket layer (close status 1009), before the protocol's limits apply.
     */
    public static final int WEB_SOCKET_MAX_FRAME_BYTES = 65536;
    /** What a queued message costs beyond its characters: the entry, the frame object, the map slot. */
    public static final int MESSAGE_OVERHEAD_BYTES = 160;

    /** The smallest frame limit the decoder accepts. */
    static final int MIN_FRAME_BYTES = 16;

    /**
     * Validates every field and copies the collections.
     *
     * @throws IllegalArgumentException naming the first field that is out of range, or a TLS file
     *     that is missing, unreadable or holds no PEM certificate or key
     */
    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        requireWebSocketPort(webSocketPort, port);
        tlsCertPath = tlsCertPath == null ? "" : tlsCertPath;
        tlsKeyPath = tlsKeyPath == null ? "" : tlsKeyPath;
        requireTlsFiles(tlsCertPath, tlsKeyPath);
        if (maxFrameBytes < MIN_FRAME_BYTES) {
            throw new IllegalArgumentException("maxFrameBytes must be >= " + MIN_FRAME_BYTES + ", was " + maxFrameBytes);
        }
        Objects.requireNonNull(accounts, "accounts");
        accounts.forEach((user, hash) -> {
            requireUser("accounts", user);
            if (hash == null) {
                throw new IllegalArgumentException("accounts: the token hash of '" + user + "' is null");
            }
        });
        accounts = Map.copyOf(accounts);
        Objects.requireNonNull(reservedUsers, "reservedUsers");
        reservedUsers.forEach(user -> requireUser("reservedUsers", user));
        reservedUsers = Set.copyOf(reservedUsers);
        requirePositive("maxConnections", maxConnections);
        requirePositiveDuration("loginTimeout", loginTimeout);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative, was " + idleTimeout);
        }
        requirePositive("offlineQueueLimit", offlineQueueLimit);
        long largestMessage = largestMessageBytes(maxFrameBytes);
        requireRoomForOneMessage("queueBytesLimit", queueBytesLimit, largestMessage);
        requireRoomForOneMessage("totalQueueBytesLimit", totalQueueBytesLimit, largestMessage);
        requirePositive("deliveryWindow", deliveryWindow);
        requirePositive("dedupCapacity", dedupCapacity);
    }

    /**
     * The defaults: {@code 127.0.0.1:7070}, no accounts and no open login (nobody can log in until
     * you add accounts or open login), the limits named by the constants, and a quarter of this
     * JVM's maximum heap for all queues together.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(
                DEFAULT_HOST,
                DEFAULT_PORT,
                DEFAULT_MAX_FRAME_BYTES,
                Map.of(),
                false,
                Set.of(),
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_LOGIN_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_OFFLINE_QUEUE_LIMIT,
                DEFAULT_QUEUE_BYTES_LIMIT,
                defaultTotalQueueBytesLimit(),
                DEFAULT_DELIVERY_WINDOW,
                DEFAULT_DEDUP_CAPACITY,
                DEFAULT_WEB_SOCKET_PORT,
                "",
                "");
    }

    /** Default {@link #totalQueueBytesLimit()}: a quarter of this JVM's maximum heap. */
    public static long defaultTotalQueueBytesLimit() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * The most a message in a frame of {@code maxFrameBytes} can count against a queue: each
     * payload byte is at most one character, and a character counts two bytes.
     */
    public static long largestMessageBytes(int maxFrameBytes) {
        return 2L * maxFrameBytes + MESSAGE_OVERHEAD_BYTES;
    }

    /** A copy with {@link #host()} replaced. */
    public ServerOptions withHost(String value) {
        return with(d -> d.host = value);
    }

    /** A copy with {@link #port()} replaced. */
    public ServerOptions withPort(int value) {
        return with(d -> d.port = value);
    }

    /** A copy with {@link #maxFrameBytes()} replaced. */
    public ServerOptions withMaxFrameBytes(int value) {
        return with(d -> d.maxFrameBytes = value);
    }

    /** A copy with {@link #accounts()} replaced. */
    public ServerOptions withAccounts(Map<String, TokenHash> value) {
        return with(d -> d.accounts = value);
    }

    /** A copy with {@link #openLogin()} replaced. */
    public ServerOptions withOpenLogin(boolean value) {
        return with(d -> d.openLogin = value);
    }

    /** A copy with {@link #reservedUsers()} replaced. */
    public ServerOptions withReservedUsers(Set<String> value) {
        return with(d -> d.reservedUsers = value);
    }

    /** A copy with {@link #maxConnections()} replaced. */
    public ServerOptions withMaxConnections(int value) {
        return with(d -> d.maxConnections = value);
    }

    /** A copy with {@link #loginTimeout()} replaced. */
    public ServerOptions withLoginTimeout(Duration value) {
        return with(d -> d.loginTimeout = value);
    }

    /** A copy with {@link #idleTimeout()} replaced. */
    public ServerOptions withIdleTimeout(Duration value) {
        return with(d -> d.idleTimeout = value);
    }

    /** A copy with {@link #offlineQueueLimit()} replaced. */
    public ServerOptions withOfflineQueueLimit(int value) {
        return with(d -> d.offlineQueueLimit = value);
    }

    /** A copy with {@link #queueBytesLimit()} replaced. */
    public ServerOptions withQueueBytesLimit(long value) {
        return with(d -> d.queueBytesLimit = value);
    }

    /** A copy with {@link #totalQueueBytesLimit()} replaced. */
    public ServerOptions withTotalQueueBytesLimit(long value) {
        return with(d -> d.totalQueueBytesLimit = value);
    }

    /** A copy with {@link #deliveryWindow()} replaced. */
    public ServerOptions withDeliveryWindow(int value) {
        return with(d -> d.deliveryWindow = value);
    }

    /** A copy with {@link #dedupCapacity()} replaced. */
    public ServerOptions withDedupCapacity(int value) {
        return with(d -> d.dedupCapacity = value);
    }

    /** A copy with {@link #webSocketPort()} replaced: {@code -1} for none, {@code 0} for a free port. */
    public ServerOptions withWebSocketPort(int value) {
        return with(d -> d.webSocketPort = value);
    }

    /**
     * A copy with {@link #tlsCertPath()} and {@link #tlsKeyPath()} replaced; both empty (or null)
     * for plain connections.
     *
     * @throws IllegalArgumentException when only one is given, or a file is missing, unreadable or
     *     holds no PEM certificate or private key; the message names the file
     */
    public ServerOptions withTls(String certPath, String keyPath) {
        return with(d -> {
            d.tlsCertPath = certPath;
            d.tlsKeyPath = keyPath;
        });
    }

    /** Whether both ports speak TLS: {@link #tlsCertPath()} and {@link #tlsKeyPath()} are set. */
    public boolean tls() {
        return !tlsCertPath.isEmpty();
    }

    @Override
    public String toString() {
        // Never print the hashes: they are what a guesser would work on.
        return "ServerOptions[host=" + host + ", port=" + port + ", maxFrameBytes=" + maxFrameBytes
                + ", accounts=" + accounts.size() + " user(s), openLogin=" + openLogin + ", reservedUsers=" + reservedUsers
                + ", maxConnections=" + maxConnections + ", loginTimeout=" + loginTimeout + ", idleTimeout=" + idleTimeout
                + ", offlineQueueLimit=" + offlineQueueLimit + ", queueBytesLimit=" + queueBytesLimit
                + ", totalQueueBytesLimit=" + totalQueueBytesLimit + ", deliveryWindow=" + deliveryWindow
                + ", dedupCapacity=" + dedupCapacity + ", webSocketPort=" + webSocketPort
                + (tls() ? ", tlsCertPath=" + tlsCertPath + ", tlsKeyPath=" + tlsKeyPath : ", tls=off") + "]";
    }

    private ServerOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new ServerOptions(d.host, d.port, d.maxFrameBytes, d.accounts, d.openLogin, d.reservedUsers, d.maxConnections,
                d.loginTimeout, d.idleTimeout, d.offlineQueueLimit, d.queueBytesLimit, d.totalQueueBytesLimit, d.deliveryWindow,
                d.dedupCapacity, d.webSocketPort, d.tlsCertPath, d.tlsKeyPath);
    }

    /** The fields of a copy being made; the record's constructor validates them. */
    private static final class Draft {
        String host;
        int port;
        int maxFrameBytes;
        Map<String, TokenHash> accounts;
        boolean openLogin;
        Set<String> reservedUsers;
        int maxConnections;
        Duration loginTimeout;
        Duration idleTimeout;
        int offlineQueueLimit;
        long queueBytesLimit;
        long totalQueueBytesLimit;
        int deliveryWindow;
        int dedupCapacity;
        int webSocketPort;
        String tlsCertPath;
        String tlsKeyPath;

        Draft(ServerOptions o) {
            host = o.host;
            port = o.port;
            maxFrameBytes = o.maxFrameBytes;
            accounts = o.accounts;
            openLogin = o.openLogin;
            reservedUsers = o.reservedUsers;
            maxConnections = o.maxConnections;
            loginTimeout = o.loginTimeout;
            idleTimeout = o.idleTimeout;
            offlineQueueLimit = o.offlineQueueLimit;
            queueBytesLimit = o.queueBytesLimit;
            totalQueueBytesLimit = o.totalQueueBytesLimit;
            deliveryWindow = o.deliveryWindow;
            dedupCapacity = o.dedupCapacity;
            webSocketPort = o.webSocketPort;
            tlsCertPath = o.tlsCertPath;
            tlsKeyPath = o.tlsKeyPath;
        }
    }

    private static void requireWebSocketPort(int webSocketPort, int port) {
        if (webSocketPort < -1 || webSocketPort > 65535) {
            throw new IllegalArgumentException("webSocketPort must be -1 (none), 0 (a free port) or 1-65535, was " + webSocketPort);
        }
        if (webSocketPort > 0 && webSocketPort == port) {
            throw new IllegalArgumentException("webSocketPort must differ from port, both were " + port);
        }
    }

    private static void requireTlsFiles(String certPath, String keyPath) {
        if (certPath.isEmpty() != keyPath.isEmpty()) {
            throw new IllegalArgumentException("tlsCertPath and tlsKeyPath go together: "
                    + (certPath.isEmpty() ? "tlsKeyPath is set but tlsCertPath is empty" : "tlsCertPath is set but tlsKeyPath is empty"));
        }
        if (!certPath.isEmpty()) {
            PemFileCheck.require("tlsCertPath", certPath, PemFileCheck.CERTIFICATE, "PEM certificate");
            PemFileCheck.require("tlsKeyPath", keyPath, PemFileCheck.PRIVATE_KEY, "unencrypted PEM private key");
        }
    }

    private static void requireUser(String field, String user) {
        if (!Fields.isUser(user)) {
            throw new IllegalArgumentException(field + ": '" + user + "' is not a valid user name");
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }

    private static void requirePositiveDuration(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be longer than 0, was " + value);
        }
    }

    private static void requireRoomForOneMessage(String name, long value, long largestMessage) {
        if (value < largestMessage) {
            throw new IllegalArgumentException(name + " must be >= " + largestMessage
                    + " (twice maxFrameBytes plus " + MESSAGE_OVERHEAD_BYTES + ", so that the largest message fits), was " + value);
        }
    }
}
