package io.imbot.server;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Frame;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's state: open connections, who is logged in where, rooms, the {@link Router} that
 * moves messages, the faults in force and the counters. Confined to the server verticle's event
 * loop; plain collections, no locks.
 */
final class Hub {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final ServerOptions options;
    private final Counters counters = new Counters();
    private final Set<ClientSession> sessions = new LinkedHashSet<>();
    private final Map<String, ClientSession> online = new HashMap<>();
    private final Rooms rooms = new Rooms();
    private final AckSender acks;
    private final Router router;
    private final LoginVerifier verifier;
    private FaultOptions faults = FaultOptions.none();
    private int reserved;
    private long refusedSinceReport;
    private long lastRefusalReport;

    Hub(Vertx vertx, ServerOptions options) {
        this.options = options;
        this.acks = new AckSender(vertx, counters);
        this.router = new Router(options, counters, acks, rooms, online);
        this.verifier = new LoginVerifier(vertx);
    }

    ServerOptions options() {
        return options;
    }

    Counters counters() {
        return counters;
    }

    Rooms rooms() {
        return rooms;
    }

    boolean silent() {
        return faults.silent();
    }

    /** Whether another connection may open: fewer than {@link ServerOptions#maxConnections()} are. */
    boolean roomForConnection() {
        return connections() < options.maxConnections();
    }

    /** Open connections: sessions, and those holding a {@link #reserve() reservation}. */
    private int connections() {
        return sessions.size() + reserved;
    }

    /**
     * A connection that is not a session yet (on the WebSocket port, an HTTP connection before its
     * upgrade) takes a place under {@link ServerOptions#maxConnections()}; {@link #release()} gives
     * it back.
     */
    void reserve() {
        reserved++;
    }

    void release() {
        reserved--;
    }

    void opened(ClientSession session) {
        sessions.add(session);
    }

    /** A connection was closed on arrival: too many open. Logged at most every ten seconds, with a count. */
    void refusedConnection(String peer) {
        counters.connectionsRefused++;
        refusedSinceReport++;
        long now = System.nanoTime();
        if (lastRefusalReport == 0 || now - lastRefusalReport >= 10_000_000_000L) {
            LOG.warn("{} open connections, the most allowed (maxConnections): closed {} new one(s), the latest from {}",
                    connections(), refusedSinceReport, peer);
            lastRefusalReport = now;
            refusedSinceReport = 0;
        }
    }

    /** Counts a connection closed by the login deadline or the idle timer. */
    void timedOut() {
        counters.connectionsTimedOut++;
    }

    void closed(ClientSession session) {
        sessions.remove(session);
        String user = session.user();
        if (user != null && online.get(user) == session) {
            online.remove(user);
            router.requeue(user);
        }
    }

    /**
     * Authenticates, replaces an older connection of the same user, answers, then redelivers. A
     * user with an account needs its token, checked off the event loop while the session holds
     * its further input back; with open login, a user without an account who is not reserved
     * gets in at once. Everyone else is refused, after a check as slow as a real one, so the timing
     * does not tell which names have accounts.
     */
    void login(ClientSession session, Frame.Login login) {
        String user = login.user();
        if (session.user() != null) {
            session.protocolError(ErrorCode.REJECTED, "already logged in as '" + session.user() + "'", "");
            return;
        }
        TokenHash account = options.accounts().get(user);
        if (account == null && options.openLogin() && !options.reservedUsers().contains(user)) {
            LOG.debug("user '{}' has no account; let in by open login", user);
            admit(session, user);
            return;
        }
        TokenHash expected = account != null ? account : TokenHash.matchingNothing();
        session.holdInputUntil(verifier.verify(session, expected, login.token()).map(matches -> {
            if (!session.isOpen()) {
                return null; // gone while its token was checked
            }
            if (matches && account != null) {
                admit(session, user);
            } else {
                refuseLogin(session, user, account == null ? "no account" : "wrong or missing token");
            }
            return null;
        }));
    }

    /** Refuses a login: counted, logged without the token, answered with fatal {@code login_refused}. */
    private void refuseLogin(ClientSession session, String user, String why) {
        counters.loginsRefused++;
        LOG.warn("login refused for '{}' from {}: {}", user, session.peer(), why);
        session.fatal(ErrorCode.LOGIN_REFUSED, "login refused for user '" + user + "'");
    }

    private void admit(ClientSession session, String user) {
        session.loggedIn(user);
        ClientSession old = online.put(user, session);
        if (old != null) {
            LOG.info("user '{}' logged in from {}, replacing {}", user, session.peer(), old.peer());
            old.fatal(ErrorCode.REPLACED, "user '" + user + "' logged in from another connection");
            router.requeue(user);
        }
        LOG.debug("user '{}' logged in from {}", user, session.peer());
        session.send(new Frame.LoginOk(user));
        router.pump(user);
    }

    void accept(ClientSession session, Frame.Msg msg) {
        router.accept(session, msg);
    }

    void acked(ClientSession session, String id) {
        router.acked(session.user(), id);
    }

    /** The session's write queue drained: deliver what the full queue held back. */
    void drained(ClientSession session) {
        String user = session.user();
        if (user != null && online.get(user) == session) {
            router.pump(user);
        }
    }

    void setFaults(FaultOptions newFaults) {
        LOG.info("faults now {}", newFaults);
        faults = newFaults;
        acks.setFaults(newFaults);
        router.setFaults(newFaults);
        if (!newFaults.silent()) {
            new ArrayList<>(online.keySet()).forEach(router::pump); // resume what silence held back
        }
    }

    /** Closes every connection at once, without an error frame. */
    void disconnectAll() {
        LOG.info("closing all {} client connection(s)", sessions.size());
        new ArrayList<>(sessions).forEach(ClientSession::kill);
    }

    List<String> acceptedIds(String sender) {
        return router.acceptedIds(sender);
    }

    ServerStats stats() {
        return new ServerStats(
                connections(),
                online.size(),
                counters.acceptedMessages,
                counters.duplicateMessages,
                counters.acksSent,
                counters.acksDropped,
                counters.acksDelayed,
                counters.deliveries,
                counters.redeliveries,
                router.queuedMessages(),
                counters.protocolErrors,
                router.queuedBytes(),
                counters.busyRefusals,
                counters.loginsRefused,
                counters.connectionsRefused,
                counters.connectionsTimedOut);
    }
}
