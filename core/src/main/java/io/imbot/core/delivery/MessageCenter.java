package io.imbot.core.delivery;

import io.imbot.api.DeliveryException.Reason;
import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.imbot.core.transport.Connector;
import io.imbot.core.transport.ConnectorListener;
import io.imbot.core.transport.InboundMessage;
import io.imbot.core.transport.OutboundMessage;
import io.imbot.protocol.Fields;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message center: owns the connector and every unfinished outbound message.
 *
 * <p>Send flow: an accepted message gets an ID, is stored as pending, then written when the window
 * has room; its own timer retransmits it with the same ID until the attempts run out. An ACK
 * cancels the timer. Each message ends exactly once: acknowledged, timed out or failed; the caller's
 * future, the status address and the store each learn the outcome once.
 *
 * <p>Receive flow: a message is stored (deduplicated by sender and ID), then ACKed, then published
 * on {@link Addresses#INBOUND} if it was new.
 *
 * <p>All state is confined to this verticle's event loop; there are no locks. Callers on other
 * threads use {@link Addresses#SEND}.
 */
public final class MessageCenter extends VerticleBase implements ConnectorListener {

    private static final Logger log = LoggerFactory.getLogger(MessageCenter.class);

    private final DeliverySettings settings;
    private final Connector connector;
    private final MessageStore store;
    private final String self;
    private final DeliveryCounters counters;
    private final IdGenerator ids = new IdGenerator();
    private final LateAcks lateAcks = new LateAcks(10_000);

    // valid for the verticle's life
    private final Map<String, Pending> pending = new HashMap<>();
    private final ArrayDeque<Pending> ready = new ArrayDeque<>();
    private final LinkedHashMap<String, Pending> inFlight = new LinkedHashMap<>();
    private long deadlineTimer = -1;
    private boolean pumping;
    private boolean stopping;
    private Promise<Void> drained;
    private MessageConsumer<JsonObject> sendConsumer;

    /**
     * Creates the engine. It takes ownership of {@code connector}; {@code store} must already be
     * open and is not closed by the engine.
     */
    public MessageCenter(DeliverySettings settings, Connector connector, MessageStore store, String self, DeliveryCounters counters) {
        this.settings = settings;
        this.connector = connector;
        this.store = store;
        this.self = self;
        this.counters = counters;
    }

    @Override
    public Future<?> start() {
        return store.loadPending().map(recovered -> {
            recover(recovered);
            sendConsumer = vertx.eventBus().consumer(Addresses.SEND, msg -> {
                JsonObject body = msg.body();
                send(body.getString("to"), body.getString("body")).onComplete(ar -> msg.reply(ar.result().toJson()));
            });
            connector.start(this);
            return null;
        });
    }

    /** The context this engine runs on, once deployed: call {@link #send} there (or use {@link Addresses#SEND}). */
    public io.vertx.core.Context context() {
        return context;
    }

    /**
     * Sends a message. Call on this verticle's context (others use {@link Addresses#SEND}).
     *
     * @return never fails: completes with the outcome once the send has ended
     */
    public Future<DeliveryOutcome> send(String to, String body) {
        String problem = validate(to, body);
        if (problem != null) {
            return refuse(to, Reason.INVALID, problem);
        }
        if (stopping) {
            return refuse(to, Reason.STOPPED, "the daemon is stopping");
        }
        if (pending.size() >= settings.backlog()) {
            return refuse(to, Reason.BACKLOG_FULL, settings.backlog() + " messages are already waiting");
        }
        long now = System.currentTimeMillis();
        OutboundMessage m = new OutboundMessage(ids.next(), to, body, now);
        Pending p = new Pending(m, System.nanoTime() + settings.deadline().toNanos(), Promise.promise());
        accept(p);
        store.saveOutbound(MessageRecord.outbound(m.id(), self, to, body, now)).onComplete(ar -> {
            if (ar.failed()) {
                finish(p, DeliveryStatus.FAILED, Reason.STORE_FAILED, ar.cause().getMessage());
            } else if (p.state == Pending.State.STORING) {
                publishStatus(p, DeliveryStatus.PENDING, null, "");
                enqueue(p);
            }
        });
        return p.promise.future();
    }

    private String validate(String to, String body) {
        if (to == null || !(Fields.isUser(to) || Fields.isRoom(to))) {
            return "recipient must be a user name or #room, got '" + to + "'";
        }
        if (body == null || body.isEmpty()) {
            return "text must not be empty";
        }
        if (body.length() > settings.maxBodyChars()) {
            return "text of " + body.length() + " characters exceeds the limit of " + settings.maxBodyChars();
        }
        return null;
    }

    private Future<DeliveryOutcome> refuse(String to, Reason reason, String detail) {
        counters.refused.incrementAndGet();
        return Future.succeededFuture(DeliveryOutcome.refused(to == null ? "" : to, reason, detail));
    }

    private void accept(Pending p) {
        pending.put(p.id(), p);
        counters.accepted.incrementAndGet();
        counters.pending.incrementAndGet();
    }

    private void recover(List<MessageRecord> recovered) {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        for (MessageRecord r : recovered) {
            Pending p = new Pending(new OutboundMessage(r.id(), r.to(), r.body(), r.createdAt()), deadline, null);
            accept(p);
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
    private void pump() {
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

    @Override
    public void onAck(String id) {
        Pending p = pending.get(id);
        if (p != null && p.state != Pending.State.STORING) {
            finish(p, DeliveryStatus.ACKNOWLEDGED, null, "");
        } else if (p == null && lateAcks.remove(id)) {
            counters.lateAcks.incrementAndGet();
            log.info("late ACK for {}: it had timed out; its stored status is now ACKNOWLEDGED", id);
            store.recordStatus(id, DeliveryStatus.ACKNOWLEDGED, 0, "acknowledged after it had timed out");
        }
    }

    @Override
    public void onRejected(String id, String reason) {
        Pending p = pending.get(id);
        if (p != null) {
            finish(p, DeliveryStatus.FAILED, Reason.REJECTED, reason);
        }
    }

    /** Ends a message once; every later call for it does nothing. */
    private void finish(Pending p, DeliveryStatus status, Reason reason, String detail) {
        if (p.state == Pending.State.DONE) {
            return;
        }
        boolean wasInFlight = p.state == Pending.State.IN_FLIGHT;
        p.state = Pending.State.DONE;
        if (p.timerId >= 0) {
            vertx.cancelTimer(p.timerId);
            p.timerId = -1;
            counters.timers.decrementAndGet();
        }
        pending.remove(p.id());
        counters.pending.decrementAndGet();
        if (wasInFlight) {
            inFlight.remove(p.id());
            counters.inFlight.decrementAndGet();
        }
        count(status);
        if (status == DeliveryStatus.TIMED_OUT) {
            lateAcks.add(p.id());
        }
        store.recordStatus(p.id(), status, p.attempts, reason == null ? null : detail);
        DeliveryOutcome outcome = publishStatus(p, status, reason, detail);
        if (p.promise != null) {
            p.promise.complete(outcome);
        }
        if (wasInFlight) {
            pump();
        }
        if (drained != null && inFlight.isEmpty()) {
            drained.tryComplete();
        }
    }

    private void count(DeliveryStatus status) {
        switch (status) {
            case ACKNOWLEDGED -> counters.acknowledged.incrementAndGet();
            case TIMED_OUT -> counters.timedOut.incrementAndGet();
            default -> counters.failed.incrementAndGet();
        }
    }

    private DeliveryOutcome publishStatus(Pending p, DeliveryStatus status, Reason reason, String detail) {
        DeliveryOutcome outcome = new DeliveryOutcome(p.id(), p.message.to(), status, p.attempts, reason, detail);
        vertx.eventBus().publish(Addresses.DELIVERY_STATUS, outcome.toJson());
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

    @Override
    public void onAttemptFailed(String reason) {
        vertx.eventBus().publish(Addresses.CONNECTION, new JsonObject().put("state", "failed").put("reason", reason));
    }

    @Override
    public void onReady() {
        vertx.eventBus().publish(Addresses.CONNECTION, new JsonObject().put("state", "up").put("reason", ""));
        counters.connected = true;
        log.info("connected via {}; {} messages waiting", connector.describe(), ready.size());
        pump();
    }

    @Override
    public void onWritable() {
        pump();
    }

    @Override
    public void onLost(String reason) {
        vertx.eventBus().publish(Addresses.CONNECTION, new JsonObject().put("state", "down").put("reason", reason));
        counters.connected = false;
        List<Pending> requeue = new ArrayList<>(inFlight.values());
        inFlight.clear();
        counters.inFlight.set(0);
        for (int i = requeue.size() - 1; i >= 0; i--) {
            Pending p = requeue.get(i);
            if (p.timerId >= 0) {
                vertx.cancelTimer(p.timerId);
                p.timerId = -1;
                counters.timers.decrementAndGet();
            }
            p.state = Pending.State.READY;
            ready.addFirst(p);
        }
        log.warn("connection lost ({}); {} messages will be retransmitted first after reconnecting", reason, requeue.size());
        armDeadline();
        if (drained != null) {
            drained.tryComplete();
        }
    }

    @Override
    public void onMessage(InboundMessage m) {
        MessageRecord record = MessageRecord.inbound(m.id(), m.from(), m.to(), m.body(), m.sentAt() > 0 ? m.sentAt() : System.currentTimeMillis());
        store.saveInbound(record).onComplete(ar -> {
            if (ar.failed()) {
                log.error("could not store inbound message {} from {}; not acknowledging it, the server will redeliver: {}",
                        m.id(), m.from(), ar.cause().getMessage());
                return;
            }
            connector.acknowledge(m.id());
            if (ar.result()) {
                counters.received.incrementAndGet();
                vertx.eventBus().publish(Addresses.INBOUND, ChatMessages.toJson(record.toChatMessage()));
            } else {
                counters.duplicatesDropped.incrementAndGet();
                log.debug("redelivered message {} from {} acknowledged again, not shown twice", m.id(), m.from());
            }
        });
    }

    @Override
    public Future<?> stop() {
        stopping = true;
        if (sendConsumer != null) {
            sendConsumer.unregister();
        }
        drained = Promise.promise();
        if (inFlight.isEmpty() || !connector.ready()) {
            drained.tryComplete();
        }
        long graceTimer = vertx.setTimer(settings.stopGrace().toMillis(), id -> drained.tryComplete());
        return drained.future()
                .compose(v -> {
                    vertx.cancelTimer(graceTimer);
                    return connector.stop();
                })
                .compose(v -> {
                    abandonPending();
                    return store.flush();
                });
    }

    /** Tells every waiting caller the daemon stopped; the messages stay pending in the store. */
    private void abandonPending() {
        int left = pending.size();
        for (Pending p : new ArrayList<>(pending.values())) {
            if (p.timerId >= 0) {
                vertx.cancelTimer(p.timerId);
                p.timerId = -1;
            }
            p.state = Pending.State.DONE;
            if (p.promise != null) {
                p.promise.complete(new DeliveryOutcome(p.id(), p.message.to(), DeliveryStatus.PENDING, p.attempts, Reason.STOPPED,
                        "the daemon stopped; the message is stored and goes out after the next start"));
            }
        }
        pending.clear();
        counters.pending.set(0);
        counters.inFlight.set(0);
        counters.timers.set(0);
        if (left > 0) {
            log.info("stopped with {} messages still pending; they are stored and resent at the next start", left);
        }
    }
}
