package io.imbot.server;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Frame;
import io.imbot.protocol.ProtocolException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, whatever carries it (a {@link Link}: TCP or WebSocket): enforces what a
 * client may send and when, and writes frames back with back-pressure. What the frames mean for
 * users, queues and rooms is the {@link Hub}'s business. Confined to the server's event loop.
 *
 * <p>Back-pressure: when the link's write queue is full, reading from the client pauses (its
 * requests produce replies) and the hub stops delivering to it; both resume on drain.
 *
 * <p>Doors: until its first {@code login} frame a connection may send frames of at most {@link
 * ServerOptions#PRE_LOGIN_MAX_FRAME_BYTES}, and it must log in within {@link
 * ServerOptions#loginTimeout()}. While a login's token is being checked, further frames wait in
 * {@code held}, in order, and reading pauses. Only whole frames count as activity for {@link
 * ServerOptions#idleTimeout()}: a trickle of bytes that never completes a frame cannot keep a
 * connection open, and what it costs meanwhile is the bytes that came.
 */
final class ClientSession implements Link.Input {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private final Vertx vertx;
    private final Link link;
    private final Hub hub;
    private final ServerOptions options;
    private final String peer;

    // valid for the connection
    private final ArrayDeque<Frame> held = new ArrayDeque<>();
    private String user;
    private boolean closing;
    private boolean closed;
    private boolean readPaused;
    private boolean writeBlocked;
    private boolean loginPending;
    private boolean loginSeen;
    private long lastFrameAt;
    private long loginTimer = -1;
    private long idleTimer = -1;

    ClientSession(Vertx vertx, Link link, Hub hub) {
        this.vertx = vertx;
        this.link = link;
        this.hub = hub;
        this.options = hub.options();
        this.peer = link.peer();
    }

    /**
     * Starts the link and arms the login deadline and idle timer; call once, on the event loop.
     *
     * @param acceptedAt when the connection was accepted ({@link System#nanoTime()}): the login
     *     deadline counts from then, also for a WebSocket that took a while to upgrade
     */
    void start(long acceptedAt) {
        link.start(this, Math.min(ServerOptions.PRE_LOGIN_MAX_FRAME_BYTES, options.maxFrameBytes()));
        lastFrameAt = System.nanoTime();
        long leftMillis = options.loginTimeout().toMillis() - (lastFrameAt - acceptedAt) / 1_000_000;
        loginTimer = vertx.setTimer(Math.max(1, leftMillis), id -> onLoginDeadline());
        if (!options.idleTimeout().isZero()) {
            idleTimer = vertx.setTimer(Math.max(1, options.idleTimeout().toMillis()), id -> checkIdle());
        }
    }

    /** The remote address, for logs. */
    String peer() {
        return peer;
    }

    /** The logged-in user, or {@code null} before login. */
    String user() {
        return user;
    }

    void loggedIn(String name) {
        this.user = name;
    }

    /** Whether frames can still be written to this client. */
    boolean isOpen() {
        return !closed && !closing;
    }

    /** Whether a delivery may be written now without overfilling the link's write queue. */
    boolean writable() {
        return isOpen() && !link.writeQueueFull();
    }

    /** Writes one frame; pauses reading if the write queue is now full. */
    void send(Frame frame) {
        if (closed) {
            return;
        }
        LOG.debug("to {}: {}", peer, frame);
        link.write(frame);
        if (!writeBlocked && link.writeQueueFull()) {
            writeBlocked = true;
            updateReading();
        }
    }

    /**
     * Holds further input back until {@code done} completes: frames already decoded wait in order,
     * reading pauses. For the time a login's token is checked.
     */
    void holdInputUntil(Future<?> done) {
        loginPending = true;
        updateReading();
        done.onComplete(ar -> {
            loginPending = false;
            while (!loginPending && !held.isEmpty() && isOpen()) {
                dispatch(held.pollFirst());
            }
            updateReading();
        });
    }

    /** Writes a non-fatal error about the client's input; counted and logged as a protocol error. */
    void protocolError(ErrorCode code, String text, String ref) {
        hub.counters().protocolErrors++;
        LOG.warn("protocol error from {} ({}): {} {}", peer, user == null ? "not logged in" : user, code.wire(), text);
        send(new Frame.Error(code.wire(), text, ref));
    }

    /** Writes a refusal of a well-formed request (busy, rejected); not a protocol error. */
    void refuse(ErrorCode code, String text, String ref) {
        LOG.debug("refused {} from {}: {} {}", ref, peer, code.wire(), text);
        send(new Frame.Error(code.wire(), text, ref));
    }

    /** Writes a fatal error, then closes; everything the client sends afterwards is ignored. */
    void fatal(ErrorCode code, String text) {
        if (!isOpen()) {
            return;
        }
        closing = true;
        link.writeThenClose(new Frame.Error(code.wire(), text, ""));
    }

    /** Closes at once, without a word: fault injection, shutdown, idleness. */
    void kill() {
        closing = true;
        link.close();
    }

    private void onLoginDeadline() {
        loginTimer = -1;
        if (user == null && !loginPending && isOpen()) {
            hub.timedOut();
            LOG.debug("connection {} sent no login within {} ms; closing", peer, options.loginTimeout().toMillis());
            fatal(ErrorCode.LOGIN_REFUSED, "no login within " + options.loginTimeout().toMillis() + " ms");
        }
    }

    /** Fires when the connection may have been idle for the whole timeout; re-arms for the rest otherwise. */
    private void checkIdle() {
        idleTimer = -1;
        if (!isOpen()) {
            return;
        }
        long idleMillis = options.idleTimeout().toMillis();
        long quietMillis = (System.nanoTime() - lastFrameAt) / 1_000_000;
        if (quietMillis >= idleMillis) {
            hub.timedOut();
            LOG.debug("connection {} ({}) sent no whole frame for {} ms; closing", peer, user == null ? "not logged in" : user,
                    quietMillis);
            kill();
        } else {
            idleTimer = vertx.setTimer(Math.max(1, idleMillis - quietMillis), id -> checkIdle());
        }
    }

    private void cancelTimers() {
        if (loginTimer >= 0) {
            vertx.cancelTimer(loginTimer);
            loginTimer = -1;
        }
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
    }

    /** Pauses reading while the write queue is full or a login is being checked; resumes when neither holds. */
    private void updateReading() {
        boolean pause = writeBlocked || loginPending;
        if (pause != readPaused && !closed) {
            readPaused = pause;
            if (pause) {
                link.pause();
            } else {
                link.resume();
            }
        }
    }

    @Override
    public void arrived(Runnable decode) {
        if (closing) {
            return;
        }
        if (hub.silent()) {
            lastFrameAt = System.nanoTime(); // a silent server reads and discards, but the client is not idle
            return;
        }
        try {
            decode.run();
        } catch (RuntimeException e) {
            // A bug of ours must cost one connection, never the server.
            LOG.error("internal error on input from {}; closing it", peer, e);
            kill();
        }
    }

    @Override
    public void badInput(ProtocolException e) {
        if (e.fatal()) {
            hub.counters().protocolErrors++;
            LOG.warn("protocol error from {}: {} {}; closing", peer, e.code().wire(), e.getMessage());
            fatal(e.code(), e.getMessage());
        } else {
            protocolError(e.code(), e.getMessage(), e.ref());
        }
    }

    @Override
    public void frame(Frame frame) {
        if (!isOpen() || hub.silent()) {
            return;
        }
        lastFrameAt = System.nanoTime();
        if (frame instanceof Frame.Login && !loginSeen) {
            // the client has said who it is: from the next frame on, the full limit (a refused login closes anyway)
            loginSeen = true;
            link.maxFrameBytes(options.maxFrameBytes());
        }
        if (loginPending) {
            held.addLast(frame);
            return;
        }
        dispatch(frame);
    }

    private void dispatch(Frame frame) {
        if (LOG.isDebugEnabled()) {
            // Login's toString would print the token
            LOG.debug("from {}: {}", peer, frame instanceof Frame.Login login ? "Login[user=" + login.user() + "]" : frame);
        }
        if (frame instanceof Frame.Ping) {
            send(new Frame.Pong());
        } else if (frame instanceof Frame.Login login) {
            hub.login(this, login);
        } else if (frame instanceof Frame.Pong) {
            // harmless: a client answering a ping; the server never pings, so nothing to match
        } else if (frame instanceof Frame.Error error) {
            // never answer an error with an error: two peers could do that forever
            LOG.warn("client {} reported an error: {} {}", peer, error.code(), error.text());
        } else if (!isRequest(frame)) {
            protocolError(ErrorCode.UNKNOWN_TYPE, "frame type '" + frame.type() + "' is not accepted from clients", "");
        } else if (user == null) {
            String ref = frame instanceof Frame.Msg msg ? msg.id() : "";
            protocolError(ErrorCode.NOT_LOGGED_IN, "log in before sending '" + frame.type() + "'", ref);
        } else {
            handleRequest(frame);
        }
    }

    private static boolean isRequest(Frame frame) {
        return frame instanceof Frame.Msg
                || frame instanceof Frame.Ack
                || frame instanceof Frame.Join
                || frame instanceof Frame.Leave;
    }

    private void handleRequest(Frame frame) {
        if (frame instanceof Frame.Msg msg) {
            hub.accept(this, msg);
        } else if (frame instanceof Frame.Ack ack) {
            hub.acked(this, ack.id());
        } else if (frame instanceof Frame.Join join) {
            hub.rooms().join(join.room(), user);
            send(new Frame.Joined(join.room()));
        } else if (frame instanceof Frame.Leave leave) {
            hub.rooms().leave(leave.room(), user);
            send(new Frame.Left(leave.room()));
        }
    }

    @Override
    public void drained() {
        writeBlocked = false;
        updateReading();
        hub.drained(this);
    }

    @Override
    public void closed() {
        closed = true;
        cancelTimers();
        held.clear();
        LOG.debug("connection {} closed", peer);
        hub.closed(this);
    }
}
