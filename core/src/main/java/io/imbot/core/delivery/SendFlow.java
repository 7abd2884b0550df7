package io.imbot.core.delivery;

import io.imbot.api.DeliveryException.Reason;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.imbot.protocol.Fields;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The send flow of the message center: every unfinished outbound message, from acceptance to its
 * one outcome.
 *
 * <p>An accepted message gets an ID, is stored as pending, then written when the window has room;
 * its own timer retransmits it with the same ID until the attempts run out. An ACK cancels the
 * timer. Each message ends exactly once: acknowledged, timed out or failed; the caller's future,
 * the status address and the store each learn the outcome once.
 *
 * <p>A reply's ID is derived from the message it answers ({@link ReplyIds}), so it repeats when that
 * message is handled again after a crash: a reply still pending joins the one under way, and a
 * reply that already ended is not sent again; its caller learns how it ended.
 *
 * <p>Confined to the message center's context.
 */
final class SendFlow {

    private static final Logger log = LoggerFactory.getLogger(SendFlow.class);

    private final Vertx vertx;
    /** The connection's name. */
    private final String name;
    private final DeliverySettings settings;
    private final Connector connector;
    private final MessageStore store;
    private final String self;
    private final DeliveryCounters counters;
    private final IdGenerator ids = new IdGenerator();
    /** What the connector's confirmation makes a message: only a network with ACKs makes it ACKNOWLEDGED. */
    private final DeliveryStatus confirmed;
    private final LateAcks lateAcks = new LateAcks(10_000);
    private final Timer ackLatency;

    private final Map<String, Pending> pending = new HashMap<>();
    private final ArrayDeque<Pending> ready = new ArrayDeque<>();
    private final LinkedHashMap<String, Pending> inFlight = new LinkedHashMap<>();
    private long deadlineTimer = -1;
    private boolean pumping;
    private boolean stopping;
    private Promise<Void> drained;

    SendFlow(Vertx vertx, String name, DeliverySettings settings, Connector connector, MessageStore store, String self,
            DeliveryCounters counters) {
        this.name = name;
        this.ackLatency = counters.meters().ackLatency(name);
        this.vertx = vertx;
        this.settings = settings;
        this.connector = connector;
        this.store = store;
        this.self = self;
        this.counters = counters;
        this.confirmed = connector.guarantee() == DeliveryGuarantee.NONE ? DeliveryStatus.SENT : DeliveryStatus.ACKNOWLEDGED;
    }

    /** Takes a request; {@code stored} (may be null) learns when it is durable, {@code outcome} how it ended. */
    void accept(SendRequest request, Promise<String> stored, Promise<DeliveryOutcome> outcome) {
        String to = request.to();
        String problem = validate(to, request.body());
        if (problem != null) {
            refuse(to, Reason.INVALID, problem, stored, outcome);
        } else if (stopping) {
            refuse(to, Reason.STOPPED, "the daemon is stopping", stored, outcome);
        } else if (request.replyId() != null && pending.containsKey(request.replyId())) {
            join(pending.get(request.replyId()), stored, outcome);
        } else if (pending.size() >= settings.backlog()) {
            refuse(to, Reason.BACKLOG_FULL, settings.backlog() + " messages are already waiting", stored, outcome);
        } else {
            store(request, stored, outcome);
        }
    }

    private void store(SendRequest request, Promise<String> stored, Promise<DeliveryOutcome> outcome) {
        long now = System.currentTimeMillis();
        String id = request.replyId() != null ? request.replyId() : ids.next();
        OutboundMessage m = new OutboundMessage(id, request.to(), request.body(), now);
        Pending p = new Pending(m, System.nanoTime() + settings.deadline().toNanos(), outcome);
        p.stored = stored;
        track(p);
        MessageRecord record = MessageRecord.outbound(id, self, m.to(), m.body(), now).withConnection(name);
        (request.repeat() ? store.saveOutboundOnce(record) : store.saveOutbound(record)).onComplete(ar -> {
            Promise<String> waiter = p.stored;
            p.stored = null;
            if (ar.failed()) {
                finish(p, DeliveryStatus.FAILED, Reason.STORE_FAILED, ar.cause().getMessage());
            } else if (p.state == Pending.State.STORING && ar.result().status() == DeliveryStatus.PENDING) {
                publishStatus(p, DeliveryStatus.PENDING, null, "");
                enqueue(p);
            } else if (p.state == Pending.State.STORING) {
                endAsBefore(p, ar.result());
            }
            if (waiter != null && ar.succeeded()) {
                waiter.complete(id);
            } else if (waiter != null) {
                waiter.fail(DeliveryOutcome.refused(name, m.to(), Reason.STORE_FAILED, ar.cause().getMessage()).toException());
            }
        });
    }

    /** A reply sent again while its first copy is still under way: wait for that one. */
    private void join(Pending p, Promise<String> stored, Promise<DeliveryOutcome> outcome) {
        counters.joinedReplies.incrementAndGet();
        p.promise.future().onComplete(outcome);
        if (stored == null) {
            return;
        }
        if (p.stored != null) {
            p.stored.future().onComplete(stored);
        } else if (p.state == Pending.State.STORING) {
            p.stored = stored;
        } else {
            stored.complete(p.id());
        }
    }

    /** A reply whose ID was stored and ended before a restart: not sent again; its caller learns how it ended then. */
    private void endAsBefore(Pending p, MessageRecord before) {
        counters.repliesSentBefore.incrementAndGet();
        p.attempts = before.attempts();
        Reason reason = switch (before.status()) {
            case ACKNOWLEDGED, SENT -> null;
            case TIMED_OUT -> Reason.TIMED_OUT;
            default -> Reason.REJECTED;
        };
        end(p, before.status(), reason, "ended before the daemon restarted", false);
    }

    private String validate(String to, String body) {
        if (to == null || to.isEmpty()) {
            return "recipient must not be empty";
        }
        String addressProblem = connector.checkAddress(to);
        if (addressProblem != null) {
            return "recipient '" + to + "': " + addressProblem;
        }
        if (body == null || body.isEmpty()) {
            return "text must not be empty";
        }
        if (body.length() > settings.maxBodyChars()) {
            return "text of " + body.length() + " characters exceeds the limit of " + settings.maxBodyChars();
        }
        int bad = Fields.loneSurrogate(body);
        if (bad >= 0) {
            return "text is not valid Unicode: a lone surrogate at index " + bad;
        }
        return null;
    }

    private void refuse(String to, Reason reason, String detail, Promise<String> stored, Promise<DeliveryOutcome> outcome) {
        counters.refused.incrementAndGet();
        DeliveryOutcome refused = DeliveryOutcome.refused(name, to == null ? "" : to, reason, detail);
        if (stored != null) {
            stored.fail(refused.toException());
        }
        outcome.complete(refused);
    }

    private void track(Pending p) {
        pending.put(p.id(), p);
        counters.accepted.incrementAndGet();
        counters.pending.incrementAndGet();
    }

    /** Queues the messages a previous run left in the outbox, ahead of anything new. */
    void recover(List<MessageRecord> recovered) {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        for (MessageRecord r : recovered) {
            Pending p = new Pending(new OutboundMessage(r.id(), r.to(), r.body(), r.createdAt()), deadline, Promise.promise());
            track(p);
            enqueue(p);
        }
        if (!recovered.isEmpty()) {
            log.info("recovered {} unacknowledged messages from the store; they go out first, in order", recovered.size());
        }
    }

    private void enqueue(Pending p) {
        p.state = Pending.State.READY;
        ready.addLast(p);
        armDeadline();
        pump();
    }

    /** Writes ready messages while the window, the connection and the socket allow. */
    void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!stopping && !ready.isEmpty() && inFlight.size() < settings.window() && connector.writable()) {
                Pending p = ready.pollFirst();
                if (p.state == Pending.State.READY) {
                    transmit(p);
                }
            }
            if (!ready.isEmpty() && inFlight.size() < settings.window() && connector.ready() && !connector.writable()) {
                counters.writeQueuePauses.incrementAndGet(); // the socket's queue is full: resume on drain
            }
        } finally {
            pumping = false;
        }
    }

    /** Messages waiting for the window or the connection. */
    int waiting() {
        return ready.size();
    }

    private void transmit(Pending p) {
        if (System.nanoTime() - p.deadline >= 0) {
            finish(p, DeliveryStatus.TIMED_OUT, Reason.DEADLINE_EXCEEDED, "waited longer than " + settings.deadline().toSeconds() + " s");
            return;
        }
        p.state = Pending.State.IN_FLIGHT;
        inFlight.put(p.id(), p);
        counters.inFlight.incrementAndGet();
        write(p);
    }

    private void write(Pending p) {
        if (p.attempts++ > 0) {
            counters.retransmissions.incrementAndGet();
        } else {
            p.firstWriteNanos = System.nanoTime();
        }
        connector.send(p.message);
        p.timerId = vertx.setTimer(settings.ackTimeout().toMillis(), id -> onAckTimeout(p));
        counters.timers.incrementAndGet();
    }

    private void onAckTimeout(Pending p) {
        p.timerId = -1;
        counters.timers.decrementAndGet();
        if (p.attempts >= settings.maxAttempts()) {
            finish(p, DeliveryStatus.TIMED_OUT, Reason.TIMED_OUT, "no ACK after " + p.attempts + " attempts");
        } else if (System.nanoTime() - p.deadline >= 0) {
            finish(p, DeliveryStatus.TIMED_OUT, Reason.DEADLINE_EXCEEDED, "deadline passed while waiting for an ACK");
        } else {
            write(p); // connection losses move in-flight messages back to the queue, so it is up
        }
    }

    void onAck(String id) {
        Pending p = pending.get(id);
        if (p != null && p.state != Pending.State.STORING) {
            if (p.state == Pending.State.IN_FLIGHT) {
                ackLatency.record(System.nanoTime() - p.firstWriteNanos, TimeUnit.NANOSECONDS);
            }
            finish(p, confirmed, null, "");
        } else if (p == null && lateAcks.remove(id)) {
            counters.lateAcks.incrementAndGet();
            log.info("late ACK for {}: it had timed out; its stored status is now {}", id, confirmed);
            store.recordStatus(id, confirmed, 0, "confirmed after it had timed out");
        }
    }

    void onRejected(String id, String reason) {
        Pending p = pending.get(id);
        if (p != null) {
            finish(p, DeliveryStatus.FAILED, Reason.REJECTED, reason);
        }
    }

    /** Ends a message once, recording its outcome; every later call for it does nothing. */
    private void finish(Pending p, DeliveryStatus status, Reason reason, String detail) {
        end(p, status, reason, detail, true);
    }

    private void end(Pending p, DeliveryStatus status, Reason reason, String detail, boolean record) {
        if (p.state == Pending.State.DONE) {
            return;
        }
        boolean wasInFlight = p.state == Pending.State.IN_FLIGHT;
        p.state = Pending.State.DONE;
        cancelTimer(p);
        pending.remove(p.id());
        counters.pending.decrementAndGet();
        if (wasInFlight) {
            inFlight.remove(p.id());
            counters.inFlight.decrementAndGet();
        }
        if (record) {
            count(status);
            if (status == DeliveryStatus.FAILED) {
                counters.meters().failed(name, reason == null ? "UNKNOWN" : reason.name()).increment();
            }
            if (status == DeliveryStatus.TIMED_OUT) {
                lateAcks.add(p.id());
            }
            store.recordStatus(p.id(), status, p.attempts, reason == null ? null : detail);
        }
        p.promise.complete(publishStatus(p, status, reason, detail));
        if (wasInFlight) {
            pump();
        }
        if (drained != null && inFlight.isEmpty()) {
            drained.tryComplete();
        }
    }

    private void cancelTimer(Pending p) {
        if (p.timerId >= 0) {
            vertx.cancelTimer(p.timerId);
            p.timerId = -1;
            counters.timers.decrementAndGet();
        }
    }

    private void count(DeliveryStatus status) {
        switch (status) {
            case ACKNOWLEDGED -> counters.acknowledged.incrementAndGet();
            case SENT -> counters.sent.incrementAndGet();
            case TIMED_OUT -> counters.timedOut.incrementAndGet();
            default -> counters.failed.incrementAndGet();
        }
    }

    private DeliveryOutcome publishStatus(Pending p, DeliveryStatus status, Reason reason, String detail) {
        DeliveryOutcome outcome = new DeliveryOutcome(p.id(), p.message.to(), status, p.attempts, reason, detail, name);
        vertx.eventBus().publish(Addresses.DELIVERY_STATUS, outcome);
        return outcome;
    }

    /** One timer for the head of the ready queue: deadlines grow along the queue, so it expires first. */
    private void armDeadline() {
        if (deadlineTimer >= 0 || ready.isEmpty()) {
            return;
        }
        long delayMs = Math.max(1, (ready.peekFirst().deadline - System.nanoTime()) / 1_000_000 + 1);
        deadlineTimer = vertx.setTimer(delayMs, id -> {
            deadlineTimer = -1;
            expireQueued();
        });
    }

    private void expireQueued() {
        Pending head;
        while ((head = ready.peekFirst()) != null && (head.state != Pending.State.READY || System.nanoTime() - head.deadline >= 0)) {
            ready.pollFirst();
            if (head.state == Pending.State.READY) {
                finish(head, DeliveryStatus.TIMED_OUT, Reason.DEADLINE_EXCEEDED,
                        "not sent within " + settings.deadline().toSeconds() + " s (no connection)");
            }
        }
        armDeadline();
    }

    /** The connection is gone: what was in flight goes back to the front of the queue, in order. */
    void onLost(String reason) {
        List<Pending> requeue = new ArrayList<>(inFlight.values());
        inFlight.clear();
        counters.inFlight.addAndGet(-requeue.size()); // the counters are the daemon's, shared by every connection
        for (int i = requeue.size() - 1; i >= 0; i--) {
            Pending p = requeue.get(i);
            cancelTimer(p);
            p.state = Pending.State.READY;
            ready.addFirst(p);
        }
        log.warn("connection lost ({}); {} messages will be retransmitted first after reconnecting", reason, requeue.size());
        armDeadline();
        if (drained != null) {
            drained.tryComplete();
        }
    }

    /** Takes no more messages; completes once nothing is in flight (or the connection is gone). */
    Future<Void> drain() {
        stopping = true;
        drained = Promise.promise();
        if (inFlight.isEmpty() || !connector.ready()) {
            drained.tryComplete();
        }
        return drained.future();
    }

    /** Tells every waiting caller the daemon stopped; the messages stay pending in the store. */
    void abandonPending() {
        int left = pending.size();
        for (Pending p : new ArrayList<>(pending.values())) {
            cancelTimer(p);
            p.state = Pending.State.DONE;
            p.promise.complete(new DeliveryOutcome(p.id(), p.message.to(), DeliveryStatus.PENDING, p.attempts, Reason.STOPPED,
                    "the daemon stopped; the message is stored and goes out after the next start", name));
        }
        pending.clear();
        // Only this connection's share: the counters are the daemon's. cancelTimer counted the timers.
        counters.pending.addAndGet(-left);
        counters.inFlight.addAndGet(-inFlight.size());
        inFlight.clear();
        if (left > 0) {
            log.info("stopped with {} messages still pending; they are stored and resent at the next start", left);
        }
    }
}
