package io.imbot.plugins.imbotconnector;

import io.imbot.api.connector.ConnectionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of a connection of kind {@code imbot}.
 *
 * @param heartbeat send a ping when nothing arrived for this long
 * @param heartbeatTimeout close the link when nothing arrived for this long
 * @param resetAfter a connection that stayed up this long resets the backoff
 * @param transport what carries the frames: TCP or a WebSocket, with or without TLS
 */
public record ImbotOptions(
        String host,
        int port,
        String user,
        String token,
        List<String> rooms,
        int maxFrameBytes,
        Duration connectTimeout,
        Duration heartbeat,
        Duration heartbeatTimeout,
        Duration initialDelay,
        Duration maxDelay,
        Duration resetAfter,
        Transport transport) {

    static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** The WebSocket path of the reference server. */
    static final String DEFAULT_PATH = "/imbot";

    /**
     * What carries the frames.
     *
     * @param webSocket one JSON text message per frame over a WebSocket, else length-prefixed frames over TCP
     * @param tls whether the connection is encrypted
     * @param path the WebSocket's path
     * @param caFile a PEM file of the certificates to trust; empty for the JVM's trust store
     * @param verifyHost whether the server's certificate must name the host connected to
     */
    public record Transport(boolean webSocket, boolean tls, String path, String caFile, boolean verifyHost) {

        /** Plain TCP. */
        public static final Transport TCP = new Transport(false, false, "", "", true);

        /** The URL scheme: tcp, tls, ws or wss. */
        public String scheme() {
            return webSocket ? (tls ? "wss" : "ws") : (tls ? "tls" : "tcp");
        }
    }

    public ImbotOptions {
        rooms = List.copyOf(rooms);
        Objects.requireNonNull(transport, "transport");
    }

    /** Options with the usual timings, for clients and tests. */
    public static ImbotOptions defaults(String host, int port, String user) {
        return new ImbotOptions(host, port, user, "", List.of(), DEFAULT_MAX_FRAME_BYTES, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(60), Transport.TCP);
    }

    /**
     * Reads a configured connection: {@code url} is {@code tcp://host:port}, {@code tls://host:port},
     * {@code ws://host:port/path} or {@code wss://host:port/path} (the path defaults to {@value
     * #DEFAULT_PATH}); the options {@code maxFrameBytes}, {@code connectTimeout}, {@code heartbeat},
     * {@code heartbeatTimeout} and {@code resetAfter} override the defaults, {@code caFile} names a
     * PEM file of certificates to trust instead of the JVM's, and {@code verifyHost: false} turns
     * off the check that the server's certificate names the host. A relative {@code caFile} is
     * relative to the working folder; see {@link #from(ConnectionSettings, Function)}.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static ImbotOptions from(ConnectionSettings s) {
        return from(s, Path::of);
    }

    /**
     * Like {@link #from(ConnectionSettings)}, with {@code files} turning a configured file name
     * ({@code caFile}) into the path to open, as the daemon's {@code ConnectorHost#file} does.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static ImbotOptions from(ConnectionSettings s, Function<String, Path> files) {
        URI url = parseUrl(s);
        ImbotOptions d = defaults(url.getHost(), port(url), s.user());
        long maxFrame = s.option("maxFrameBytes", (long) d.maxFrameBytes());
        if (maxFrame < 64 || maxFrame > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connections." + s.name() + ".options.maxFrameBytes: expected 64 to 2147483647, got " + maxFrame);
        }
        return new ImbotOptions(url.getHost(), d.port(), s.user(), s.token(), s.rooms(), (int) maxFrame,
                s.option("connectTimeout", d.connectTimeout()), s.option("heartbeat", d.heartbeat()),
                s.option("heartbeatTimeout", d.heartbeatTimeout()), s.reconnectInitial(), s.reconnectMax(),
                s.option("resetAfter", d.resetAfter()), transport(url, s, files));
    }

    private static int port(URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "wss".equals(url.getScheme()) ? 443 : 80;
    }

    private static Transport transport(URI url, ConnectionSettings s, Function<String, Path> files) {
        String scheme = url.getScheme();
        boolean webSocket = scheme.startsWith("ws");
        boolean tls = scheme.equals("tls") || scheme.equals("wss");
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? DEFAULT_PATH : url.getRawPath();
        String configured = s.option("caFile", "");
        if (!configured.isEmpty() && !tls) {
            throw new IllegalArgumentException("connections." + s.name() + ".options.caFile: only for tls:// and wss:// URLs");
        }
        String caFile = configured.isEmpty() ? "" : files.apply(configured).toAbsolutePath().normalize().toString();
        if (!caFile.isEmpty() && !Files.isReadable(Path.of(caFile))) {
            throw new IllegalArgumentException("connections." + s.name() + ".options.caFile: no readable file " + caFile);
        }
        return new Transport(webSocket, tls, webSocket ? path : "", caFile, s.option("verifyHost", true));
    }

    private static URI parseUrl(ConnectionSettings s) {
        String where = "connections." + s.name() + ".url";
        URI url;
        try {
            url = new URI(s.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": not a URL: " + e.getMessage());
        }
        if (url.getScheme() == null || !List.of("tcp", "tls", "ws", "wss").contains(url.getScheme())) {
            throw new IllegalArgumentException(where + ": expected tcp://, tls://, ws:// or wss:// and host:port, got '" + s.url() + "'");
        }
        boolean needsPort = url.getScheme().equals("tcp") || url.getScheme().equals("tls");
        if (url.getHost() == null || (needsPort && url.getPort() < 1)) {
            throw new IllegalArgumentException(where + ": expected a host and a port, as in tcp://127.0.0.1:7070, got '" + s.url() + "'");
        }
        return url;
    }

    /** A copy with other heartbeat timings. */
    public ImbotOptions withHeartbeat(Duration interval, Duration timeout) {
        return new ImbotOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, interval, timeout,
                initialDelay, maxDelay, resetAfter, transport);
    }

    /** A copy with other reconnect timings. */
    public ImbotOptions withReconnect(Duration initial, Duration max) {
        return new ImbotOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, heartbeat, heartbeatTimeout,
                initial, max, resetAfter, transport);
    }

    /** A copy that joins {@code joinRooms} after each login. */
    public ImbotOptions withRooms(List<String> joinRooms) {
        return new ImbotOptions(host, port, user, token, joinRooms, maxFrameBytes, connectTimeout, heartbeat,
                heartbeatTimeout, initialDelay, maxDelay, resetAfter, transport);
    }

    /** A copy that logs in with {@code loginToken}. */
    public ImbotOptions withToken(String loginToken) {
        return new ImbotOptions(host, port, user, loginToken, rooms, maxFrameBytes, connectTimeout, heartbeat,
                heartbeatTimeout, initialDelay, maxDelay, resetAfter, transport);
    }

    /** A copy carried by {@code value}. */
    public ImbotOptions withTransport(Transport value) {
        return new ImbotOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, heartbeat, heartbeatTimeout,
                initialDelay, maxDelay, resetAfter, value);
    }

    /** Where the connector connects, as a URL: {@code wss://host:port/path}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return transport.scheme() + "://" + h + ":" + port + transport.path();
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ImbotOptions[" + user + "@" + host + ":" + port + ", token=" + (token == null || token.isEmpty() ? "" : "***") + ", rooms=" + rooms
                + ", maxFrameBytes=" + maxFrameBytes + ", connectTimeout=" + connectTimeout + ", heartbeat=" + heartbeat
                + ", heartbeatTimeout=" + heartbeatTimeout + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", resetAfter=" + resetAfter + ", transport=" + transport + "]";
    }
}
