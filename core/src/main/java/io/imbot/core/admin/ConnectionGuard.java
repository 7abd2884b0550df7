package io.imbot.core.admin;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds what connections to the admin API can hold: at most {@code max} are open at once (more
 * are closed as they arrive, so the admin port holds at most that many file descriptors), and each
 * has {@code requestTimeout} to deliver its whole request, head and body, before it is closed. The
 * server answers one request per connection ({@code Connection: close}), so that one clock covers
 * a connection's whole time before its request is handled.
 *
 * <p>Confined to the admin server's event loop: the connection handler, the close handlers, the
 * timers and the routes all run there, so the count and the map need no locks.
 */
final class ConnectionGuard {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Vertx vertx;
    private final int max;
    private final long requestTimeoutMs;

    // Valid while the server listens.
    /** The receive timer of each open connection whose request has not fully arrived. */
    private final Map<HttpConnection, Long> receiving = new HashMap<>();
    private int open;
    private long refused;

    ConnectionGuard(Vertx vertx, int max, Duration requestTimeout) {
        this.vertx = vertx;
        this.max = max;
        this.requestTimeoutMs = Math.max(1, requestTimeout.toMillis());
    }

    /** A new connection: closed at once over the cap, else counted and given its receive timer. */
    void opened(HttpConnection conn) {
        if (open >= max) {
            if (refused++ % 1000 == 0) {
                log.warn("admin API: {} connections are open, the most admin.maxConnections allows; closing new ones "
                        + "({} so far)", open, refused);
            }
            conn.close();
            return;
        }
        open++;
        long timer = vertx.setTimer(requestTimeoutMs, id -> {
            if (receiving.remove(conn) != null) {
                log.debug("admin API: closing {}: no complete request within {} ms", conn.remoteAddress(), requestTimeoutMs);
                conn.close();
            }
        });
        receiving.put(conn, timer);
        conn.closeHandler(v -> {
            open--;
            Long t = receiving.remove(conn);
            if (t != null) {
                vertx.cancelTimer(t);
            }
        });
    }

    /** The request on {@code conn} has fully arrived: its clock stops (the idle timeout still applies). */
    void received(HttpConnection conn) {
        Long t = receiving.remove(conn);
        if (t != null) {
            vertx.cancelTimer(t);
        }
    }
}
