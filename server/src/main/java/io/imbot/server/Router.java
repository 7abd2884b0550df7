package io.imbot.server;

import io.imbot.protocol.ErrorCode;
import io.imbot.protocol.Fields;
import io.imbot.protocol.Frame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts messages and moves them through the recipients' {@link Mailbox}es: deduplication, room
 * fan-out, queue limits (in messages and in bytes, per recipient and in all), the delivery window,
 * redelivery. Confined to the server's event loop; reads the hub's map of online sessions, never
 * changes it.
 *
 * <p>Invariant: {@code queuedBytes} is the sum of {@link Mailbox#bytes()} over all mailboxes.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final ServerOptions options;
    private final Counters counters;
    private final AckSender acks;
    private final Rooms rooms;
    private final Map<String, ClientSession> online;
    private final Map<String, Mailbox> mailboxes = new HashMap<>();
    private final DedupCache dedup;
    private long queuedBytes;
    private FaultOptions faults = FaultOptions.none();

    Router(ServerOptions options, Counters counters, AckSender acks, Rooms rooms, Map<String, ClientSession> online) {
        this.options = options;
        this.counters = counters;
        this.acks = acks;
        this.rooms = rooms;
        this.online = online;
        this.dedup = new DedupCache(options.dedupCapacity());
    }

    void setFaults(FaultOptions faults) {
        this.faults = faults;
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
        Frame.Msg stamped = msg.withFrom(sender);
        long cost = Mailbox.cost(stamped);
        if (!canQueue(session, recipients, id, cost)) {
            return;
        }
        dedup.add(sender, id);
        counters.acceptedMessages++;
        for (String recipient : recipients) {
            mailboxes.computeIfAbsent(recipient, r -> new Mailbox()).add(stamped, cost);
            queuedBytes += cost;
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
    private boolean canQueue(ClientSession session, List<String> recipients, String id, long cost) {
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
                busy(session, "queue of '" + recipient + "' is full ("
                        + options.offlineQueueLimit() + " messages); retry later", id);
                return false;
            }
            if (box != null && box.bytes() + cost > options.queueBytesLimit()) {
                busy(session, "queue of '" + recipient + "' is full ("
                        + options.queueBytesLimit() + " bytes); retry later", id);
                return false;
            }
        }
        if (queuedBytes + cost * recipients.size() > options.totalQueueBytesLimit()) {
            busy(session, "the server's queues are full (" + options.totalQueueBytesLimit()
                    + " bytes); retry later", id);
            return false;
        }
        return true;
    }

    private void busy(ClientSession session, String text, String id) {
        counters.busyRefusals++;
        session.refuse(ErrorCode.BUSY, text, id);
    }

    /** The recipient acknowledged {@code id}: it leaves the queue, which makes room in the window. */
    void acked(String user, String id) {
        Mailbox box = mailboxes.get(user);
        long cost = box == null ? -1 : box.ack(id);
        if (cost < 0) {
            LOG.debug("ack {} from '{}' matches nothing pending", id, user);
            return;
        }
        queuedBytes -= cost;
        if (box.isEmpty()) {
            mailboxes.remove(user);
        } else {
            pump(user);
        }
    }

    /** Writes queued messages to the user's connection while the window and the socket allow. */
    void pump(String user) {
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

    /** The user's connection is gone: what was in flight goes back to the front of its queue. */
    void requeue(String user) {
        Mailbox box = mailboxes.get(user);
        if (box != null) {
            box.requeue();
        }
    }

    List<String> acceptedIds(String sender) {
        return dedup.idsFrom(sender);
    }

    long queuedBytes() {
        return queuedBytes;
    }

    long queuedMessages() {
        long queued = 0;
        for (Mailbox box : mailboxes.values()) {
            queued += box.size();
        }
        return queued;
    }
}
