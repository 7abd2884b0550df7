package io.imbot.plugins.ircconnector;

import io.imbot.api.connector.Backoff;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemTrustOptions;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to an IRC server (RFC 2812) over Vert.x's NetClient, plain or TLS, on the daemon's
 * event loop. The bot's user is its nick; imbot rooms are IRC channels of the same name. IRC
 * confirms nothing ({@link DeliveryGuarantee#NONE}): a message counts as sent once its last
 * PRIVMSG line was written to the socket.
 *
 * <p>What that means, and what the engine should know:
 *
 * <ul>
 *   <li>Lines leave at the flood limit (by default 4 at once, then 2 a second), so that the
 *       server never has more than a few of them unread and answers a PING at once; {@link #writable()} is false while {@code
 *       maxQueuedLines} (8) wait. A retransmission of a message still waiting is dropped, so the
 *       engine's ACK timeouts never make a line appear twice.
 *   <li>A long or multi-line body becomes several PRIVMSG lines. When the connection is lost
 *       between two of them, the message was not reported written, and the engine sends it again
 *       after reconnecting: the recipient then sees its first lines twice.
 *   <li>A line written is not a line delivered: what the server had not read when it died is lost
 *       although reported written. Messages to an absent nick or to a channel that refuses them
 *       are reported written too; the server's refusal is logged.
 *   <li>Inbound messages get IDs of a random per-connection prefix and a counter; NOTICEs and CTCP
 *       requests are ignored, a CTCP ACTION arrives as {@code /me text}; formatting codes are
 *       removed. {@link #acknowledge} does nothing: IRC has no receipts.
 *   <li>When the nick is taken at login the bot uses {@code nick_}, {@code nick__} or {@code nick}
 *       with two digits until the next connection; direct messages still arrive addressed to the
 *       configured user.
 * </ul>
 *
 * <p>Confined to the Vert.x context that called {@link #start}: every field is touched and every
 * listener call made there.
 */
public final class IrcConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(IrcConnector.class);

    private final Vertx vertx;
    private final IrcSettings settings;
    private final Backoff backoff;
    private NetClient client;
    private ConnectorListener listener;
    private boolean stopped;
    private long reconnectTimer = -1;

    // valid for one connection; volatile for nicknames(), read from any thread
    private volatile IrcSession session;
    private long readyAt;

    /** Creates a connector; nothing happens until {@link #start}. */
    IrcConnector(Vertx vertx, IrcSettings settings) {
        this.vertx = vertx;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialDelay(), settings.maxDelay(), ThreadLocalRandom.current());
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    @Override
    public String checkAddress(String address) {
        return IrcNames.checkAddress(address);
    }

    @Override
    public void start(ConnectorListener listener) {
        this.listener = listener;
        NetClientOptions options = new NetClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setTcpNoDelay(true)
                .setSsl(settings.tls());
        if (settings.tls()) {
            options.setHostnameVerificationAlgorithm(settings.verifyHost() ? "HTTPS" : ""); // Vert.x wants it said either way
            if (!settings.caFile().isEmpty()) {
                options.setTrustOptions(new PemTrustOptions().addCertPath(settings.caFile()));
            }
        }
        client = vertx.createNetClient(options);
        connect();
    }

    @Override
    public boolean ready() {
        return session != null && session.ready();
    }

    @Override
    public boolean writable() {
        return session != null && session.hasRoom();
    }

    @Override
    public void send(OutboundMessage message) {
        if (ready()) {
            session.send(message);
        } // else the engine sends it again once the connection is ready
    }

    @Override
    public void acknowledge(String from, String id) {
        // IRC has no receipts.
    }

    @Override
    public CompletionStage<Void> stop() {
        stopped = true;
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        IrcSession s = session;
        Future<Void> closing = s != null ? s.quit("imbot stopping") : Future.succeededFuture();
        return closing.compose(v -> client != null ? client.close() : Future.<Void>succeededFuture())
                .recover(e -> Future.succeededFuture())
                .toCompletionStage();
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    /** The current nick when a collision made it differ from the configured one. */
    @Override
    public List<String> nicknames() {
        String current = nick();
        return current == null || current.equals(settings.nick()) ? List.of() : List.of(current);
    }

    /** The nick of the current connection, or {@code null} when there is none; for tests and logs. */
    String nick() {
        IrcSession s = session;
        return s != null ? s.nick() : null;
    }

    private void connect() {
        reconnectTimer = -1;
        if (stopped) {
            return;
        }
        Future<NetSocket> connecting = settings.tls() && !ipLiteral(settings.host())
                ? client.connect(settings.port(), settings.host(), settings.host()) // with SNI, which shared TLS front ends need
                : client.connect(settings.port(), settings.host());
        connecting.onComplete(ar -> {
            if (ar.failed()) {
                String reason = "cannot connect to " + describe() + ": " + explain(ar.cause(), settings);
                if (!stopped) {
                    listener.onAttemptFailed(reason);
                }
                scheduleReconnect(reason);
            } else if (stopped) {
                ar.result().close();
            } else {
                session = new IrcSession(vertx, settings, ar.result(), new SessionEvents());
                session.start();
            }
        });
    }

    /** Passes a session's reports on while it is the current one; a closed session's late reports are dropped. */
    private final class SessionEvents implements IrcSession.Events {
        @Override
        public void ready(IrcSession s) {
            if (s != session) {
                return;
            }
            readyAt = System.nanoTime();
            backoff.loggedIn();
            log.info("logged in to {}{}", describe(), IrcNames.same(s.nick(), settings.nick()) ? "" : " (nick " + s.nick() + ")");
            listener.onReady();
        }

        @Override
        public void message(IrcSession s, InboundMessage m) {
            if (s == session) {
                listener.onMessage(m);
            }
        }

        @Override
        public void written(IrcSession s, String id) {
            if (s == session) {
                listener.onAck(id);
            }
        }

        @Override
        public void rejected(IrcSession s, String id, String reason) {
            if (s == session) {
                listener.onRejected(id, reason);
            }
        }

        @Override
        public void room(IrcSession s) {
            if (s == session) {
                listener.onWritable();
            }
        }

        @Override
        public void closed(IrcSession s, String reason, boolean wasReady) {
            if (s != session) {
                return;
            }
            session = null;
            if (s.vertxClosing()) {
                stopped = true; // the daemon is going down; its client and timers with it
            }
            if (stopped) {
                return; // a requested close: nothing lost, nothing to retry
            }
            if (wasReady && (System.nanoTime() - readyAt) / 1_000_000 >= settings.resetAfter().toMillis()) {
                backoff.reset();
            }
            String failed = "cannot log in to " + describe() + ": " + reason;
            if (wasReady) {
                listener.onLost(reason);
            } else {
                listener.onAttemptFailed(failed);
            }
            scheduleReconnect(wasReady ? "lost the connection to " + describe() + ": " + reason : failed);
        }
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

    private static boolean ipLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** Why a connect or a connection failed, in one line; certificate problems in words. */
    static String explain(Throwable e, IrcSettings settings) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No subject alternative") || m.contains("No name matching")) {
                return "the server's certificate is not for " + settings.host() + " (" + m + ")";
            }
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "the server's certificate is not trusted: no certificate in "
                        + (settings.caFile().isEmpty() ? "the JVM's trust store" : settings.caFile()) + " signed it";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
