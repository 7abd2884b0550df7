package io.imbot.server;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Frame;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    private FaultOptions faults = FaultOptions.none();

    Hub(Vertx vertx, ServerOptions options) {
        this.options = options;
        this.acks = new AckSender(vertx, counters);
        this.router = new Router(options, counters, acks, rooms, online);
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

    void opened(ClientSession session) {
        sessions.add(session);
    }

    void closed(ClientSession session) {
        sessions.remove(session);
        String user = session.user();
        if (user != null && online.get(user) == session) {
            online.remove(user);
            router.requeue(user);
        }
    }

    /** Authenticates, replaces an older connection of the same user, answers, then redelivers. */
    void login(ClientSession session, Frame.Login login) {
        String user = login.user();
        if (session.user() != null) {
            session.protocolError(ErrorCode.REJECTED, "already logged in as '" + session.user() + "'", "");
            return;
        }
        if (!tokenAccepted(login)) {
            LOG.warn("login refused for '{}' from {}", user, session.peer());
            session.fatal(ErrorCode.LOGIN_REFUSED, "login refused for user '" + user + "'");
            return;
        }
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

    private boolean tokenAccepted(Frame.Login login) {
        if (options.tokens().isEmpty()) {
            return true;
        }
        String expected = options.tokens().get(login.user());
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), login.token().getBytes(StandardCharsets.UTF_8));
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
                sessions.size(),
                online.size(),
                counters.acceptedMessages,
                counters.duplicateMessages,
                counters.acksSent,
                counters.acksDropped,
                counters.acksDelayed,
                counters.deliveries,
                counters.redeliveries,
                router.queuedMessages(),
                counters.protocolErrors);
    }
}
