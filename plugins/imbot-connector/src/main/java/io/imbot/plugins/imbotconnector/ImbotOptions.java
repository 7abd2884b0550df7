package io.imbot.plugins.imbotconnector;

import io.imbot.api.connector.ConnectionSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a connection of kind {@code imbot}.
 *
 * @param heartbeat send a ping when nothing arrived for this long
 * @param heartbeatTimeout close the link when nothing arrived for this long
 * @param resetAfter a connection that stayed up this long resets the backoff
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
        Duration resetAfter) {

    static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

    public ImbotOptions {
        rooms = List.copyOf(rooms);
    }

    /** Options with the usual timings, for clients and tests. */
    public static ImbotOptions defaults(String host, int port, String user) {
        return new ImbotOptions(host, port, user, "", List.of(), DEFAULT_MAX_FRAME_BYTES, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /**
     * Reads a configured connection: {@code url} is {@code tcp://host:port}; the options {@code
     * maxFrameBytes}, {@code connectTimeout}, {@code heartbeat}, {@code heartbeatTimeout} and
     * {@code resetAfter} override the defaults.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static ImbotOptions from(ConnectionSettings s) {
        URI url = parseUrl(s);
        ImbotOptions d = defaults(url.getHost(), url.getPort(), s.user());
        long maxFrame = s.option("maxFrameBytes", (long) d.maxFrameBytes());
        if (maxFrame < 64 || maxFrame > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("connections." + s.name() + ".options.maxFrameBytes: expected 64 to 2147483647, got " + maxFrame);
        }
        return new ImbotOptions(url.getHost(), url.getPort(), s.user(), s.token(), s.rooms(), (int) maxFrame,
                s.option("connectTimeout", d.connectTimeout()), s.option("heartbeat", d.heartbeat()),
                s.option("heartbeatTimeout", d.heartbeatTimeout()), s.reconnectInitial(), s.reconnectMax(),
                s.option("resetAfter", d.resetAfter()));
    }

    private static URI parseUrl(ConnectionSettings s) {
        String where = "connections." + s.name() + ".url";
        URI url;
        try {
            url = new URI(s.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": not a URL: " + e.getMessage());
        }
        if (!"tcp".equals(url.getScheme())) {
            throw new IllegalArgumentException(where + ": expected tcp://host:port, got '" + s.url() + "'");
        }
        if (url.getHost() == null || url.getPort() < 1) {
            throw new IllegalArgumentException(where + ": expected a host and a port, as in tcp://127.0.0.1:7070, got '" + s.url() + "'");
        }
        return url;
    }

    /** A copy with other heartbeat timings. */
    public ImbotOptions withHeartbeat(Duration interval, Duration timeout) {
        return new ImbotOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, interval, timeout,
                initialDelay, maxDelay, resetAfter);
    }

    /** A copy with other reconnect timings. */
    public ImbotOptions withReconnect(Duration initial, Duration max) {
        return new ImbotOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, heartbeat, heartbeatTimeout,
                initial, max, resetAfter);
    }

    /** A copy that joins {@code joinRooms} after each login. */
    public ImbotOptions withRooms(List<String> joinRooms) {
        return new ImbotOptions(host, port, user, token, joinRooms, maxFrameBytes, connectTimeout, heartbeat,
                heartbeatTimeout, initialDelay, maxDelay, resetAfter);
    }

    /** A copy that logs in with {@code loginToken}. */
    public ImbotOptions withToken(String loginToken) {
        return new ImbotOptions(host, port, user, loginToken, rooms, maxFrameBytes, connectTimeout, heartbeat,
                heartbeatTimeout, initialDelay, maxDelay, resetAfter);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ImbotOptions[" + user + "@" + host + ":" + port + ", token=" + (token == null || token.isEmpty() ? "" : "***") + ", rooms=" + rooms
                + ", maxFrameBytes=" + maxFrameBytes + ", connectTimeout=" + connectTimeout + ", heartbeat=" + heartbeat
                + ", heartbeatTimeout=" + heartbeatTimeout + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", resetAfter=" + resetAfter + "]";
    }
}
