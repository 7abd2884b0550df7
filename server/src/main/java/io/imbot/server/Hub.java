package io.imbot.server;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Fields;
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
 * The server's state and what the frames mean: who is online, each recipient's {@link Mailbox},
 * rooms, deduplication, ACKs and deliveries. Confined to the server verticle's event loop; plain
 * collections, no locks.
 */
final class Hub {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final ServerOptions options;
    private final Counters counters = new Counters();
    private final Set<ClientSession> sessions = new LinkedHashSet<>();
    private final Map<String, ClientSession> online = new HashMap<>();
    private final Map<String, Mailbox> mailboxes = new HashMap<>();
    private final Rooms rooms = new Rooms();
    private final DedupCache dedup;
    private final AckSender acks;
    private FaultOptions faults = FaultOptions.none();

    Hub(Vertx vertx, ServerOptions options) {
        this.options = options;
        this.dedup = new DedupCache(options.dedupCapacity());
        this.acks = new AckSender(vertx, counters);
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
            requeue(user);
        }
    }

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
            requeue(user);
        }
        LOG.debug("user '{}' logged in from {}", user, session.peer());
        session.send(new Frame.LoginOk(user));
        pump(user);
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

    /** Dedups, checks and queues a message from a logged-in sender, then ACKs it (subject to faults). */
    void accept(ClientSession session, Frame.Msg msg) {
        String sender = session.user();
        String id = msg.id();
        if (dedup.contains(sender, id)) {
            duplicate(session, id);
            return;
        }
        List<String> recipients;
        if (Fields.isRoom(msg.to())) {
            if (!rooms.isMember(msg.to(), sender)) {
                session.refuse(ErrorCode.REJECTED, "'" + sender + "' is not a member of " + msg.to(), id);
                return;
            }
            recipients = rooms.membersExcept(msg.to(), sender);
        } else {
            recipients = List.of(msg.to());
        }
        if (!canQueue(session, recipients, id)) {
            return;
        }
        dedup.add(sender, id);
        counters.acceptedMessages++;
        Frame.Msg stamped = msg.withFrom(sender);
        for (String recipient : recipients) {
            mailboxes.computeIfAbsent(recipient, r -> new Mailbox()).add(stamped);
            pump(recipient);
        }
        acks.ack(session, id);
    }

    private void duplicate(ClientSession session, String id) {
        counters.duplicateMessages++;
        LOG.debug("duplicate {} from '{}': acked again, not delivered again", id, session.user());
        acks.ack(session, id);
    }

    /**
     * All or nothing: refuses the message unless every recipient's queue can take it. A recipient
     * ACKs by ID alone, so two pending messages for one recipient may not share an ID; if the pending
     * one is from the same sender, it is a retransmission the bounded dedup memory forgot.
     */
    private boolean canQueue(ClientSession session, List<String> recipients, String id) {
        for (String recipient : recipients) {
            Mailbox box = mailboxes.get(recipient);
            Frame.Msg pending = box == null ? null : box.pending(id);
            if (pending == null) {
                continue;
            }
            if (pending.from().equals(session.user())) {
                duplicate(session, id);
            } else {
                session.refuse(ErrorCode.REJECTED, "a message with id '" + id + "' from another sender is still pending for '"
                        + recipient + "'; message IDs must be unique", id);
            }
            return false;
        }
        for (String recipient : recipients) {
            Mailbox box = mailboxes.get(recipient);
            if (box != null && box.size() >= options.offlineQueueLimit()) {
                session.refuse(ErrorCode.BUSY, "queue of '" + recipient + "' is full ("
                        + options.offlineQueueLimit() + " messages); retry later", id);
                return false;
            }
        }
        return true;
    }

    /** The recipient acknowledged {@code id}: it leaves the queue, which makes room in the window. */
    void acked(ClientSession session, String id) {
        String user = session.user();
        Mailbox box = mailboxes.get(user);
        if (box == null || !box.ack(id)) {
            LOG.debug("ack {} from '{}' matches nothing pending", id, user);
            return;
        }
        if (box.isEmpty()) {
            mailboxes.remove(user);
        } else {
            pump(user);
        }
    }

    void drained(ClientSession session) {
        String user = session.user();
        if (user != null && online.get(user) == session) {
            pump(user);
        }
    }

    /** Writes queued messages to the user's connection while the window and the socket allow. */
    private void pump(String user) {
        ClientSession session = online.get(user);
        Mailbox box = mailboxes.get(user);
        if (session == null || box == null || faults.silent()) {
            return;
        }
        while (session.writable() && box.inFlight() < options.deliveryWindow()) {
            Mailbox.Entry entry = box.nextToSend();
            if (entry == null) {
                return;
            }
            if (entry.timesSent > 1) {
                counters.redeliveries++;
            }
            for (int i = 0; i < faults.duplicateDeliveries(); i++) {
                session.send(entry.msg);
                counters.deliveries++;
            }
        }
    }

    private void requeue(String user) {
        Mailbox box = mailboxes.get(user);
        if (box != null) {
            box.requeue();
        }
    }

    void setFaults(FaultOptions newFaults) {
        LOG.info("faults now {}", newFaults);
        faults = newFaults;
        acks.setFaults(newFaults);
        if (!newFaults.silent()) {
            new ArrayList<>(online.keySet()).forEach(this::pump); // resume what silence held back
        }
    }

    /** Closes every connection at once, without an error frame. */
    void disconnectAll() {
        LOG.info("closing all {} client connection(s)", sessions.size());
        new ArrayList<>(sessions).forEach(ClientSession::kill);
    }

    List<String> acceptedIds(String sender) {
        return dedup.idsFrom(sender);
    }

    ServerStats stats() {
        long queued = 0;
        for (Mailbox box : mailboxes.values()) {
            queued += box.size();
        }
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
                queued,
                counters.protocolErrors);
    }
}
