package io.imbot.plugins.imbotconnector;

import io.imbot.api.connector.Backoff;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Fields;
import io.imbot.protocol.Frame;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector for imbot's native protocol: JSON frames over one TCP connection (length-prefixed)
 * or one WebSocket (a text message each), with or without TLS. Logs in, joins the configured rooms,
 * pings when the link is quiet, closes a link that stays silent past the heartbeat timeout, and
 * reconnects with backoff. The server ACKs each message by its ID.
 *
 * <p>Confined to the Vert.x context that called {@link #start}: no field is touched from another
 * thread, and every listener call is made on that context.
 */
public final class ImbotConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(ImbotConnector.class);

    private final Vertx vertx;
    private final ImbotOptions options;
    private final Backoff backoff;
    private Dialer dialer;
    private ConnectorListener listener;
    private boolean stopped;
    private long reconnectTimer = -1;

    // valid for one connection
    private ClientLink socket;
    private boolean loggedIn;
    private long lastReceivedAt;
    private long readyAt;
    private long heartbeatTimer = -1;
    private long loginTimer = -1;
    private String lossReason;

    /** Creates a connector; nothing happens until {@link #start}. */
    public ImbotConnector(Vertx vertx, ImbotOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.backoff = new Backoff(options.initialDelay(), options.maxDelay(), ThreadLocalRandom.current());
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.PER_MESSAGE_ACK;
    }

    @Override
    public String checkAddress(String address) {
        return Fields.isUser(address) || Fields.isRoom(address) ? null
                : "not a user name (1-64 of A-Z a-z 0-9 _ . -) or a room (# and such a name)";
    }

    @Override
    public void start(ConnectorListener listener) {
        this.listener = listener;
        this.dialer = new Dialer(vertx, options);
        connect();
    }

    @Override
    public boolean ready() {
        return loggedIn;
    }

    @Override
    public boolean writable() {
        return loggedIn && !socket.writeQueueFull();
    }

    @Override
    public void send(OutboundMessage m) {
        write(new Frame.Msg(m.id(), "", m.to(), m.body(), m.createdAt()));
    }

    @Override
    public void acknowledge(String from, String id) {
        if (loggedIn) {
            write(new Frame.Ack(id));
        }
    }

    @Override
    public CompletionStage<Void> stop() {
        stopped = true;
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
        }
        Future<Void> closing = socket != null ? socket.close().recover(e -> Future.succeededFuture()) : Future.succeededFuture();
        return closing.compose(v -> dialer != null ? dialer.close() : Future.<Void>succeededFuture()).toCompletionStage();
    }

    @Override
    public String describe() {
        return options.url() + " as " + options.user();
    }

    private void connect() {
        reconnectTimer = -1;
        if (stopped) {
            return;
        }
        dialer.dial().onComplete(ar -> {
            if (ar.failed()) {
                String reason = "cannot connect to " + options.url() + ": " + TlsProblems.explain(ar.cause(), options);
                listener.onAttemptFailed(reason);
                scheduleReconnect(reason);
            } else if (stopped) {
                ar.result().close();
            } else {
                attach(ar.result());
            }
        });
    }

    private void attach(ClientLink link) {
        socket = link;
        lossReason = null;
        lastReceivedAt = System.nanoTime();
        link.start(new ClientLink.Events() {
            @Override
            public void bytes() {
                lastReceivedAt = System.nanoTime();
            }

            @Override
            public void frame(Frame frame) {
                onFrame(frame);
            }

            @Override
            public void badFrame(ProtocolException e) {
                onProtocolError(e);
            }

            @Override
            public void drained() {
                if (loggedIn) {
                    listener.onWritable();
                }
            }

            @Override
            public void failed(Throwable e) {
                lossReason = TlsProblems.explain(e, options);
            }

            @Override
            public void closed() {
                onClosed(link);
            }
        });
        link.onShutdown(v -> link.close()); // Vert.x is closing: do not hold its shutdown for the grace period
        write(new Frame.Login(options.user(), options.token()));
        loginTimer = vertx.setTimer(options.connectTimeout().toMillis(), id -> {
            loginTimer = -1;
            closeWith("no login_ok within " + options.connectTimeout().toMillis() + " ms");
        });
        heartbeatTimer = vertx.setPeriodic(Math.max(10, options.heartbeat().toMillis() / 2), id -> checkHeartbeat());
    }

    private void onFrame(Frame frame) {
        if (frame instanceof Frame.Msg m) {
            if (loggedIn) {
                listener.onMessage(new InboundMessage(m.id(), m.from(), m.to(), m.body(), m.ts()));
            }
        } else if (frame instanceof Frame.Ack a) {
            listener.onAck(a.id());
        } else if (frame instanceof Frame.Ping) {
            write(new Frame.Pong());
        } else if (frame instanceof Frame.LoginOk) {
            onLoggedIn();
        } else if (frame instanceof Frame.Error e) {
            onErrorFrame(e);
        } else if (frame instanceof Frame.Joined j) {
            log.debug("joined {}", j.room());
        }
        // pong and left only refresh lastReceivedAt
    }

    private void onLoggedIn() {
        if (loginTimer >= 0) {
            vertx.cancelTimer(loginTimer);
            loginTimer = -1;
        }
        loggedIn = true;
        readyAt = System.nanoTime();
        backoff.loggedIn();
        log.info("logged in to {}", describe());
        options.rooms().forEach(room -> write(new Frame.Join(room)));
        listener.onReady();
    }

    private void onErrorFrame(Frame.Error e) {
        ErrorCode code = ErrorCode.fromWire(e.code());
        if (code == ErrorCode.REJECTED && !e.ref().isEmpty()) {
            listener.onRejected(e.ref(), e.text());
        } else if (code != null && code.fatal()) {
            // Said once, with the reconnect, by scheduleReconnect: a wrong token must not fill the log.
            lossReason = "the server closed the session: " + e.code() + ": " + e.text();
        } else {
            log.warn("server reported {}: {}{}", e.code(), e.text(), e.ref().isEmpty() ? "" : " (message " + e.ref() + ")");
        }
    }

    private void onProtocolError(ProtocolException e) {
        log.warn("bad frame from {}: {}", options.url(), e.getMessage());
        write(e.toFrame());
        if (e.fatal()) {
            closeWith("protocol error: " + e.getMessage());
        }
    }

    private void checkHeartbeat() {
        long quietMs = (System.nanoTime() - lastReceivedAt) / 1_000_000;
        if (quietMs >= options.heartbeatTimeout().toMillis()) {
            log.warn("nothing from {} for {} ms; closing the link", describe(), quietMs);
            closeWith("link silent for " + quietMs + " ms");
        } else if (quietMs >= options.heartbeat().toMillis() && socket != null) {
            write(new Frame.Ping());
        }
    }

    private void closeWith(String reason) {
        lossReason = reason;
        if (socket != null) {
            socket.close();
        }
    }

    private void onClosed(ClientLink s) {
        if (s != socket) {
            return;
        }
        vertx.cancelTimer(heartbeatTimer);
        if (loginTimer >= 0) {
            vertx.cancelTimer(loginTimer);
            loginTimer = -1;
        }
        boolean wasReady = loggedIn;
        loggedIn = false;
        socket = null;
        if (stopped) {
            return; // a requested close: nothing lost, nothing to retry
        }
        String reason = lossReason != null ? lossReason : "connection closed by peer";
        if (wasReady && (System.nanoTime() - readyAt) / 1_000_000 >= options.resetAfter().toMillis()) {
            backoff.reset();
        }
        if (wasReady) {
            listener.onLost(reason);
        } else {
            listener.onAttemptFailed(reason);
        }
        scheduleReconnect(reason);
    }

    private void scheduleReconnect(String reason) {
        if (stopped) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        if (backoff.shouldWarn(reason)) {
            log.warn("{}; reconnecting in {} ms (attempt {})", reason, delay, backoff.failures());
        } else {
            log.debug("{}; reconnecting in {} ms (attempt {})", reason, delay, backoff.failures());
        }
        reconnectTimer = vertx.setTimer(delay, id -> connect());
    }

    private void write(Frame frame) {
        if (socket != null) {
            socket.write(frame);
        }
    }
}
