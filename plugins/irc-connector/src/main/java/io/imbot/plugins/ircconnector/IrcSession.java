package io.imbot.plugins.ircconnector;

import io.imbot.api.connector.InboundMessage;
import io.imbot.api.connector.OutboundMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the IRC server, from registration to close: logs in (PASS, NICK, USER, another
 * nick while the one asked for is taken), joins the configured channels, answers PING, pings a
 * quiet server, turns PRIVMSGs into inbound messages and outbound messages into paced PRIVMSG
 * lines. It reports to its {@link Events}; a session is never reused after it closed.
 *
 * <p>Confined to the context that created it (the connector's).
 */
final class IrcSession {

    /** Longest line accepted from the server; a longer one closes the connection. */
    static final int MAX_INBOUND_LINE = 8192;

    /** Room kept in each line for the prefix the server puts in front: {@code :nick!user@host } with user ≤ 20 and host ≤ 64 bytes. */
    private static final int PREFIX_RESERVE = 1 + 1 + 20 + 1 + 64 + 1;

    /** What a session reports; each call names the session, so the connector can ignore a stale one. */
    interface Events {
        void ready(IrcSession s);

        void message(IrcSession s, InboundMessage m);

        void written(IrcSession s, String id);

        void rejected(IrcSession s, String id, String reason);

        void room(IrcSession s);

        /** The connection closed; {@code reason} says why, {@code wasReady} whether it had been ready. */
        void closed(IrcSession s, String reason, boolean wasReady);
    }

    private static final Logger log = LoggerFactory.getLogger(IrcSession.class);

    private final Vertx vertx;
    private final IrcSettings settings;
    private final NetSocket socket;
    private final Events events;
    private final LinePacer pacer;
    private final Inbound inbound;
    private int malformed;

    private volatile String nick; // read from any thread; as the server knows it: asked for at registration, or as welcomed, or as changed
    private final NickChoice nicks;
    private boolean registered;
    private boolean ready;
    private final Map<String, String> joining = new HashMap<>(); // folded channel -> configured name, until joined or refused
    private String failure; // the first reason the server gave for ending the session
    private boolean closing;
    private boolean vertxClosing;
    private long lastReceived = System.nanoTime();
    private long pingSentAt = -1;
    private long keepAliveTimer = -1;
    private long loginTimer = -1;

    IrcSession(Vertx vertx, IrcSettings settings, NetSocket socket, Events events) {
        this.vertx = vertx;
        this.settings = settings;
        this.socket = socket;
        this.events = events;
        this.nicks = new NickChoice(settings.nick(), () -> ThreadLocalRandom.current().nextInt(100));
        this.nick = settings.nick();
        this.inbound = new Inbound(settings);
        this.pacer = new LinePacer(vertx, new LinePacer.Out() {
            @Override
            public Future<Void> write(Buffer line) {
                return socket.write(line);
            }

            @Override
            public boolean full() {
                return socket.writeQueueFull();
            }
        }, settings.lineInterval().toNanos(), settings.lineBurst(), settings.maxQueuedLines(), id -> events.written(this, id),
                () -> events.room(this));
    }

    /** Sets up the socket's handlers and registers. */
    void start() {
        RecordParser lines = RecordParser.newDelimited("\n", this::onBytes).maxRecordSize(MAX_INBOUND_LINE);
        lines.exceptionHandler(e -> close("the server sent more than " + MAX_INBOUND_LINE + " bytes without a line break"));
        socket.handler(lines);
        socket.exceptionHandler(e -> {
            if (failure == null) {
                failure = IrcConnector.explain(e, settings);
            }
        });
        socket.drainHandler(v -> {
            pacer.pump();
            pacer.signalRoom();
        });
        socket.closeHandler(v -> onClosed());
        socket.shutdownHandler(v -> {
            vertxClosing = true; // do not hold Vert.x's shutdown for its grace period, and do not come back
            socket.close();
        });
        if (!settings.password().isEmpty()) {
            pacer.control(IrcLine.format("PASS", List.of(), settings.password()));
        }
        pacer.control(IrcLine.format("NICK", List.of(nick), null));
        pacer.control(IrcLine.format("USER", List.of(settings.username(), "0", "*"), settings.realName()));
        loginTimer = vertx.setTimer(settings.connectTimeout().toMillis(), id -> {
            loginTimer = -1;
            close("not logged in within " + settings.connectTimeout().toMillis() + " ms" + (registered ? " (channels not joined)" : ""));
        });
        long tick = Math.max(50, Math.min(settings.keepAlive().toMillis(), settings.pingTimeout().toMillis()) / 4);
        keepAliveTimer = vertx.setPeriodic(tick, id -> checkAlive());
    }

    boolean ready() {
        return ready && !closing;
    }

    boolean hasRoom() {
        return ready() && pacer.hasRoom();
    }

    /** Whether the connection closed because Vert.x is closing: then nothing can reconnect. */
    boolean vertxClosing() {
        return vertxClosing;
    }

    /** The nick the server knows the bot by: the configured one, or an alternative when that was taken. */
    String nick() {
        return nick;
    }

    /** Queues a message as PRIVMSG lines; a retransmission of one still queued is dropped. */
    void send(OutboundMessage m) {
        String why = IrcNames.checkAddress(m.to());
        if (why != null) {
            events.rejected(this, m.id(), "'" + m.to() + "' is " + why);
            return;
        }
        int fixed = PREFIX_RESERVE + IrcText.utf8Length(nick) + IrcText.utf8Length(IrcLine.format("PRIVMSG", List.of(m.to()), "")) + 2;
        List<String> lines = new ArrayList<>();
        for (String text : IrcText.split(m.body(), settings.maxLineBytes() - fixed)) {
            lines.add(IrcLine.format("PRIVMSG", List.of(m.to()), text));
        }
        if (lines.isEmpty()) {
            events.rejected(this, m.id(), "the body has no text to send on IRC (only line breaks)");
            return;
        }
        if (!pacer.enqueue(m.id(), lines)) {
            log.debug("message {} is still queued on {}; its retransmission is dropped", m.id(), settings.describe());
        }
    }

    /** Says goodbye and closes; {@code closed} follows. */
    Future<Void> quit(String text) {
        closing = true;
        Future<Void> sent = socket.write(Buffer.buffer(IrcLine.format("QUIT", List.of(), text) + "\r\n"));
        return sent.transform(ar -> socket.close()).recover(e -> Future.succeededFuture());
    }

    /** Closes the connection, giving {@code reason} unless the server already gave one. */
    void close(String reason) {
        if (failure == null) {
            failure = reason;
        }
        closing = true;
        socket.close();
    }

    private void onBytes(Buffer record) {
        if (closing) {
            return;
        }
        lastReceived = System.nanoTime();
        pingSentAt = -1; // anything from the server shows the link is alive
        String text = IrcText.decode(record.getBytes());
        if (text.isBlank()) {
            return;
        }
        IrcLine line;
        try {
            line = IrcLine.parse(text);
        } catch (IllegalArgumentException e) {
            // Said a few times per connection, not for every line of a server that talks nonsense.
            if (++malformed <= 3) {
                log.warn("ignored a malformed line from {}: {}", settings.describe(), e.getMessage());
            } else {
                log.debug("ignored a malformed line from {}: {}", settings.describe(), e.getMessage());
            }
            return;
        }
        try {
            IrcDispatch.handle(this, line);
        } catch (RuntimeException e) {
            log.warn("ignored a line from {} that could not be handled ({}): {}", settings.describe(), e, abbreviate(text));
        }
    }

    // What IrcDispatch calls back, one method per kind of line.

    void pong(String token) {
        pacer.control(IrcLine.format("PONG", List.of(), token));
    }

    void serverError(String text) {
        if (failure == null) {
            failure = "the server closed the link: " + text;
        }
    }

    void refused(String reason) {
        if (failure == null) {
            failure = reason;
        }
        close(reason);
    }

    void welcomed(String assignedNick) {
        if (registered) {
            return;
        }
        registered = true;
        if (!assignedNick.isEmpty()) {
            nick = assignedNick;
        }
        if (!IrcNames.same(nick, settings.nick())) {
            log.warn("the nick {} is in use on {}; logged in as {} until the next connection", settings.nick(), settings.describe(), nick);
        }
        for (String room : settings.rooms()) {
            joining.put(IrcNames.fold(room), room);
            pacer.control(IrcLine.format("JOIN", List.of(room), null));
        }
        readyIfJoined();
    }

    void nickTaken(String text) {
        if (registered) {
            return; // only at registration does the connector ask for a nick
        }
        String next = nicks.taken();
        if (next == null) {
            refused("the nick " + settings.nick() + " and " + NickChoice.MAX_ALTERNATIVES + " alternatives are in use (" + text + ")");
            return;
        }
        log.debug("nick taken on {} ({}); trying {}", settings.describe(), text, next);
        nick = next;
        pacer.control(IrcLine.format("NICK", List.of(nick), null));
    }

    void nickRefused(String text) {
        if (registered) {
            return;
        }
        String next = nicks.refused();
        if (next == null) {
            refused("the server refuses the nick " + nicks.current() + ": " + text);
            return;
        }
        log.debug("nick refused on {} ({}); trying {}", settings.describe(), text, next);
        nick = next;
        pacer.control(IrcLine.format("NICK", List.of(nick), null));
    }

    void nickChanged(String from, String to) {
        if (IrcNames.same(from, nick)) {
            nick = to;
            log.info("the server changed the nick on {} to {}", settings.describe(), to);
        }
    }

    void joined(String who, String channel) {
        if (IrcNames.same(who, nick) && joining.remove(IrcNames.fold(channel)) != null) {
            log.debug("joined {} on {}", channel, settings.describe());
            readyIfJoined();
        }
    }

    /** A JOIN failed; false when the bot was not joining {@code channel}. */
    boolean joinRefused(String channel, String text) {
        if (joining.remove(IrcNames.fold(channel)) == null) {
            return false;
        }
        log.warn("cannot join {} on {}: {}; its messages will not arrive until the next connection", channel, settings.describe(), text);
        readyIfJoined();
        return true;
    }

    void kicked(String channel, String who, String by, String reason) {
        if (IrcNames.same(who, nick)) {
            log.warn("{} kicked the bot from {} on {} ({}); not rejoining until the next connection", by, channel, settings.describe(), reason);
        }
    }

    void notDelivered(String target, String text) {
        log.warn("the server did not deliver a message to {} on {}: {}", target, settings.describe(), text);
    }

    void privmsg(IrcLine line) {
        InboundMessage m = registered ? inbound.read(line, nick) : null;
        if (m != null) {
            events.message(this, m);
        } else if (IrcText.isCtcp(line.last())) {
            log.debug("ignored a CTCP request from {} on {}", line.nick(), settings.describe());
        }
    }

    private void readyIfJoined() {
        if (ready || !registered || !joining.isEmpty() || closing) {
            return;
        }
        ready = true;
        if (loginTimer >= 0) {
            vertx.cancelTimer(loginTimer);
            loginTimer = -1;
        }
        events.ready(this);
    }

    private void checkAlive() {
        long now = System.nanoTime();
        if (pingSentAt >= 0 && now - pingSentAt >= settings.pingTimeout().toNanos()) {
            close("no reply to PING within " + settings.pingTimeout().toMillis() + " ms");
        } else if (registered && pingSentAt < 0 && now - lastReceived >= settings.keepAlive().toNanos()) {
            pingSentAt = now;
            pacer.control(IrcLine.format("PING", List.of(), "imbot"));
        }
    }

    private void onClosed() {
        closing = true;
        pacer.close();
        vertx.cancelTimer(keepAliveTimer);
        if (loginTimer >= 0) {
            vertx.cancelTimer(loginTimer);
            loginTimer = -1;
        }
        events.closed(this, failure != null ? failure : "the server closed the connection", ready);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
