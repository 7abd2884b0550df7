package io.imbot.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the {@link NetServer} and the {@link Hub}. Every connection and every call from {@link
 * ImServer} runs on this verticle's event loop, which is what makes the hub's plain collections
 * safe.
 */
final class ServerVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ServerVerticle.class);

    private final ServerOptions options;
    private Hub hub;
    private NetServer server;
    private volatile int port = -1;

    ServerVerticle(ServerOptions options) {
        this.options = options;
    }

    @Override
    public Future<?> start() {
        hub = new Hub(vertx, options);
        server = vertx.createNetServer(netOptions()).connectHandler(this::connected);
        server.exceptionHandler(e -> LOG.debug("server socket: {}", e.toString()));
        return server.listen().onSuccess(s -> {
            port = s.actualPort();
            LOG.info("reference server listening on {}:{}", options.host(), port);
        });
    }

    private NetServerOptions netOptions() {
        NetServerOptions net = new NetServerOptions().setHost(options.host()).setPort(options.port());
        long idleMillis = options.idleTimeout().isZero() ? 0 : Math.max(1, options.idleTimeout().toMillis());
        if (idleMillis > 0) {
            // read idle: a client that sends nothing (not even a ping) is gone
            net.setReadIdleTimeout((int) Math.min(idleMillis, Integer.MAX_VALUE)).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        return net;
    }

    private void connected(NetSocket socket) {
        ClientSession session = new ClientSession(socket, hub, options.maxFrameBytes());
        hub.opened(session);
        session.start();
        LOG.debug("connection from {}", session.peer());
    }

    @Override
    public Future<?> stop() {
        hub.disconnectAll();
        return server.close().onComplete(ar -> LOG.info("reference server on port {} stopped", port));
    }

    /** The bound port; valid once deployment succeeded. */
    int port() {
        return port;
    }

    /** Runs {@code action} with the hub on the event loop; its result or exception completes the future. */
    <T> Future<T> withHub(Function<Hub, T> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                promise.complete(action.apply(hub));
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }
}
