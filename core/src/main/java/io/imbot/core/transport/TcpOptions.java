package io.imbot.core.transport;

import java.time.Duration;
import java.util.List;

/**
 * Settings of the native TCP connector.
 *
 * @param heartbeat send a ping when nothing arrived for this long
 * @param heartbeatTimeout close the link when nothing arrived for this long
 * @param resetAfter a connection that stayed up this long resets the backoff
 */
public record TcpOptions(
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

    public TcpOptions {
        rooms = List.copyOf(rooms);
    }

    /** Options with the usual timings, for clients and tests. */
    public static TcpOptions defaults(String host, int port, String user) {
        return new TcpOptions(host, port, user, "", List.of(), 1 << 20, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** A copy with other heartbeat timings. */
    public TcpOptions withHeartbeat(Duration interval, Duration timeout) {
        return new TcpOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, interval, timeout,
                initialDelay, maxDelay, resetAfter);
    }

    /** A copy with other reconnect timings. */
    public TcpOptions withReconnect(Duration initial, Duration max) {
        return new TcpOptions(host, port, user, token, rooms, maxFrameBytes, connectTimeout, heartbeat, heartbeatTimeout,
                initial, max, resetAfter);
    }

    /** A copy that joins {@code joinRooms} after each login. */
    public TcpOptions withRooms(List<String> joinRooms) {
        return new TcpOptions(host, port, user, token, joinRooms, maxFrameBytes, connectTimeout, heartbeat,
                heartbeatTimeout, initialDelay, maxDelay, resetAfter);
    }

    /** A copy that logs in with {@code loginToken}. */
    public TcpOptions withToken(String loginToken) {
        return new TcpOptions(host, port, user, loginToken, rooms, maxFrameBytes, connectTimeout, heartbeat,
                heartbeatTimeout, initialDelay, maxDelay, resetAfter);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "TcpOptions[" + user + "@" + host + ":" + port + ", token=" + (token == null || token.isEmpty() ? "" : "***") + ", rooms=" + rooms
                + ", maxFrameBytes=" + maxFrameBytes + ", connectTimeout=" + connectTimeout + ", heartbeat=" + heartbeat
                + ", heartbeatTimeout=" + heartbeatTimeout + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
                + ", resetAfter=" + resetAfter + "]";
    }
}
