package io.imbot.plugins.xmppconnector;

import io.imbot.api.connector.Backoff;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.receipts.DeliveryReceiptManager;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to an XMPP server through Smack. Each message goes out as a {@code <message/>}
 * whose stanza ID is the engine's message ID; with stream management (XEP-0198, the default) the
 * server's ack of that stanza is the ACK ({@link DeliveryGuarantee#PER_MESSAGE_ACK}).
 *
 * <p>Retransmission belongs to the engine: every attempt uses a new Smack connection without
 * stream resumption, so what was unacknowledged when a connection died is sent again only by the
 * engine, with the same ID. An inbound message is acknowledged to the server by Smack as it
 * arrives (XEP-0198 has no later ack), so {@link #acknowledge} only answers a sender's XEP-0184
 * receipt request, once the engine has stored the message.
 *
 * <p>Rooms are joined after every login without their history, so a bot does not answer old
 * messages again; what was said in a room while the connection was down is not fetched (the server
 * keeps no per-bot queue for rooms, as it does for direct messages, which wait in offline storage).
 * A room that cannot be joined is logged, and sends to it are refused until the next connection.
 *
 * <p>Threading: confined to the Vert.x context that called {@link #start}. Smack's blocking calls
 * (connect, login, joins, sends, close) run one at a time on a worker thread of this connection;
 * Smack's own threads report back through {@link Context#runOnContext}. A report from a session
 * that is no longer the current one is dropped.
 */
public final class XmppConnector implements Connector {

    private static final Logger log = LoggerFactory.getLogger(XmppConnector.class);

    private final Vertx vertx;
    private final XmppSettings settings;
    private final Backoff backoff;

    // valid for the connector's life
    private Context context;
    private WorkerExecutor worker;
    private ConnectorListener listener;
    private boolean stopped;
    private Future<Void> stopping;
    private long reconnectTimer = -1;
    private long keepAliveTimer = -1;

    // valid for one session; all cleared when it ends
    private Session session;
    private boolean ready;
    private long readyAt;
    private Throwable closedEarly; // the session closed before its attempt finished
    private Map<EntityBareJid, String> rooms = Map.of(); // joined: room JID -> #name
    private final Map<String, EntityBareJid> roomsByName = new HashMap<>();
    private final Set<String> inflight = new LinkedHashSet<>(); // IDs sent and not yet acked
    private final Map<String, Message> receiptsOwed = new HashMap<>(); // from + id -> message that asked for a receipt

    XmppConnector(Vertx vertx, XmppSettings settings) {
        SmackSetup.ensure(); // before any Smack class reads its configuration
        this.vertx = vertx;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialDelay(), settings.maxDelay(), ThreadLocalRandom.current());
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return settings.streamManagement() ? DeliveryGuarantee.PER_MESSAGE_ACK : DeliveryGuarantee.NONE;
    }

    @Override
    public String checkAddress(String address) {
        return Addresses.check(address);
    }

    @Override
    public void start(ConnectorListener listener) {
        this.listener = listener;
        this.context = vertx.getOrCreateContext();
        // One thread: Smack's calls for this connection never overlap and keep their order.
        this.worker = vertx.createSharedWorkerExecutor("imbot-xmpp-" + settings.name(), 1, 2, TimeUnit.MINUTES);
        connect();
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public boolean writable() {
        return ready && inflight.size() < settings.maxInflight();
    }

    @Override
    public void send(OutboundMessage m) {
        if (!ready) {
            return; // the engine sends it again once the connection is ready
        }
        Jid to;
        Message.Type type;
        if (m.to().startsWith("#")) {
            to = roomsByName.get(m.to());
            type = Message.Type.groupchat;
            if (to == null) {
                listener.onRejected(m.id(), "not in " + m.to() + ": the connection joins only its configured rooms " + settings.rooms()
                        + (settings.rooms().contains(m.to()) ? " (joining it failed; see the log)" : ""));
                return;
            }
        } else {
            to = Addresses.person(m.to());
            type = Message.Type.chat;
            if (to == null) {
                listener.onRejected(m.id(), Addresses.check(m.to()));
                return;
            }
        }
        Message stanza = StanzaBuilder.buildMessage(m.id()).to(to).ofType(type).setBody(m.body()).build();
        inflight.add(m.id());
        Session s = session;
        worker.executeBlocking(() -> {
            s.send(stanza);
            return null;
        }).onComplete(ar -> {
            if (s != session) {
                return; // that session is gone; the engine retransmits
            }
            if (ar.failed()) {
                log.debug("{}: could not send {}: {}", describe(), m.id(), ar.cause().toString());
            } else if (!settings.streamManagement()) {
                acked(s, m.id()); // DeliveryGuarantee.NONE: written to the connection is all there is
            }
        });
    }

    @Override
    public void acknowledge(String from, String id) {
        Message asked = receiptsOwed.remove(from + "\n" + id);
        Session s = session;
        if (asked == null || s == null) {
            return;
        }
        Message receipt = DeliveryReceiptManager.receiptMessageFor(asked);
        worker.executeBlocking(() -> {
            s.send(receipt);
            return null;
        }).onFailure(e -> log.debug("{}: could not send the receipt for {}: {}", describe(), id, e.toString()));
    }

    @Override
    public CompletionStage<Void> stop() {
        if (stopping == null) {
            stopped = true;
            cancelTimers();
            Session s = session;
            endSession();
            stopping = worker == null ? Future.succeededFuture() : worker.executeBlocking(() -> {
                if (s != null) {
                    s.close(true);
                }
                return null;
            }).<Void>mapEmpty().recover(e -> Future.succeededFuture()).eventually(() -> worker.close());
        }
        return stopping.toCompletionStage();
    }

    /** The nickname the bot has in rooms. */
    @Override
    public List<String> nicknames() {
        return List.of(settings.nickname());
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    private void connect() {
        reconnectTimer = -1;
        if (stopped) {
            return;
        }
        Session s = new Session(settings, new Hop());
        session = s;
        closedEarly = null;
        worker.executeBlocking(() -> {
            s.open();
            return s.join(settings.rooms());
        }).onComplete(ar -> {
            if (s != session) {
                return; // stopped meanwhile; stop() closes it
            }
            if (ar.failed()) {
                failAttempt(s, Problems.explain(ar.cause(), settings));
            } else if (closedEarly != null) {
                failAttempt(s, Problems.explain(closedEarly, settings));
            } else {
                onReady(ar.result());
            }
        });
    }

    private void onReady(Map<EntityBareJid, String> joined) {
        ready = true;
        readyAt = System.nanoTime();
        rooms = joined;
        joined.forEach((jid, name) -> roomsByName.put(name, jid));
        backoff.loggedIn();
        log.info("connected to {}{}", describe(), joined.isEmpty() ? "" : "; in rooms " + joined.values());
        long every = settings.keepAlive().toMillis();
        if (every > 0) {
            keepAliveTimer = vertx.setPeriodic(every, every, id -> keepAlive());
        }
        listener.onReady();
    }

    /** Pings a server that has been quiet for {@code keepAlive}: a dead link shows no error by itself. */
    private void keepAlive() {
        Session s = session;
        if (!ready || System.currentTimeMillis() - s.lastReceived() < settings.keepAlive().toMillis()) {
            return;
        }
        long timeout = settings.connectTimeout().toMillis();
        worker.executeBlocking(() -> {
            s.ping(timeout, () -> context.runOnContext(v -> {
                if (s == session && ready) {
                    lost("no answer to a ping within " + timeout + " ms");
                }
            }));
            return null;
        });
    }

    private void onMessage(Session s, Message m) {
        if (s != session) {
            return;
        }
        if (m.getType() == Message.Type.error) {
            onBounce(m);
            return;
        }
        InboundMessage in = Arrival.of(m, settings.account(), settings.nickname(), rooms);
        if (in == null) {
            return;
        }
        if (m.getType() != Message.Type.groupchat && DeliveryReceiptRequest.from(m) != null) {
            receiptsOwed.put(in.from() + "\n" + in.id(), m);
        }
        listener.onMessage(in);
    }

    /** An error in answer to one of our messages: refused for good, unless the server says to wait. */
    private void onBounce(Message m) {
        String id = m.getStanzaId();
        StanzaError error = m.getError();
        String why = error == null ? "an error without a condition"
                : error.getCondition() + (error.getDescriptiveText() == null ? "" : " (" + error.getDescriptiveText() + ")");
        if (id == null || (error != null && error.getType() == StanzaError.Type.WAIT)) {
            log.debug("{}: error for message {}: {}", describe(), id, why);
        } else if (inflight.remove(id)) {
            listener.onRejected(id, "the server refused it: " + why);
        } else {
            log.warn("{}: message {} was acknowledged by the server, then bounced: {}", describe(), id, why);
        }
    }

    private void acked(Session s, String id) {
        if (s != session || !inflight.remove(id)) {
            return; // an old session's ack, or not one of our messages
        }
        boolean wasFull = inflight.size() + 1 >= settings.maxInflight();
        listener.onAck(id);
        if (wasFull && writable()) {
            listener.onWritable();
        }
    }

    private void onClosed(Session s, Throwable error) {
        if (s != session || stopped) {
            return;
        }
        if (!ready) {
            closedEarly = error != null ? error : new IllegalStateException("the server closed the stream");
            return; // the attempt in progress fails with it
        }
        lost(error == null ? "the server closed the stream" : Problems.explain(error, settings));
    }

    private void lost(String reason) {
        Session s = session;
        if (System.nanoTime() - readyAt >= settings.resetAfter().toNanos()) {
            backoff.reset();
        }
        endSession();
        closeOnWorker(s);
        listener.onLost(reason);
        scheduleReconnect(reason);
    }

    private void failAttempt(Session s, String why) {
        endSession();
        closeOnWorker(s);
        String reason = "cannot connect to " + describe() + ": " + why;
        listener.onAttemptFailed(reason);
        scheduleReconnect(reason);
    }

    private void endSession() {
        session = null;
        ready = false;
        rooms = Map.of();
        roomsByName.clear();
        inflight.clear();
        receiptsOwed.clear(); // a sender asks again with the copy it sends again
        if (keepAliveTimer >= 0) {
            vertx.cancelTimer(keepAliveTimer);
            keepAliveTimer = -1;
        }
    }

    private void closeOnWorker(Session s) {
        if (s != null && !stopped) { // once stopped, stop() closes the session it found, and the worker after it
            worker.executeBlocking(() -> {
                s.close(false); // a lost or failed link: nothing to wait for, and the next attempt waits behind this
                return null;
            });
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

    private void cancelTimers() {
        if (reconnectTimer >= 0) {
            vertx.cancelTimer(reconnectTimer);
            reconnectTimer = -1;
        }
        if (keepAliveTimer >= 0) {
            vertx.cancelTimer(keepAliveTimer);
            keepAliveTimer = -1;
        }
    }

    /** Moves Smack's reports onto this connector's context. */
    private final class Hop implements Session.Events {
        @Override
        public void message(Session s, Message m) {
            context.runOnContext(v -> onMessage(s, m));
        }

        @Override
        public void acked(Session s, String id) {
            context.runOnContext(v -> XmppConnector.this.acked(s, id));
        }

        @Override
        public void closed(Session s, Throwable error) {
            context.runOnContext(v -> onClosed(s, error));
        }
    }
}
