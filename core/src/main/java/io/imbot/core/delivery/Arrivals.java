package io.imbot.core.delivery;

import io.imbot.api.connector.Backoff;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.InboundMessage;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores arriving messages and passes the new ones on in the order they arrived, whatever order
 * their stores complete in. A redelivery is acknowledged again and goes no further. A message the
 * store cannot take (a full disk) is not acknowledged: it keeps its place, holds back those behind
 * it, and is stored again with backoff until the store recovers; the server would only send it
 * again after a reconnect. What waits here is bounded by the server's delivery window.
 *
 * <p>Confined to the message center's context.
 */
final class Arrivals {

    private static final Logger log = LoggerFactory.getLogger(Arrivals.class);

    private enum State { STORING, NEW, REDELIVERED, FAILED }

    /** One arrived message on its way through the store. */
    private static final class Arrival {
        final InboundMessage message;
        final MessageRecord record;
        State state = State.STORING;

        Arrival(InboundMessage message, MessageRecord record) {
            this.message = message;
            this.record = record;
        }
    }

    private final Vertx vertx;
    private final MessageStore store;
    private final Connector connector;
    private final DeliveryCounters counters;
    private final BiConsumer<InboundMessage, MessageRecord> onNew;
    private final ArrayDeque<Arrival> inOrder = new ArrayDeque<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), ThreadLocalRandom.current());
    private long retryTimer = -1;
    private final String connection;
    /** Arrivals in state FAILED, waiting for the retry timer. */
    private int failed;

    /**
     * @param connection the connection's name, which every record carries
     * @param onNew told of each new message, once stored, in arrival order
     */
    Arrivals(Vertx vertx, String connection, MessageStore store, Connector connector, DeliveryCounters counters,
            BiConsumer<InboundMessage, MessageRecord> onNew) {
        this.vertx = vertx;
        this.connection = connection;
        this.store = store;
        this.connector = connector;
        this.counters = counters;
        this.onNew = onNew;
    }

    void add(InboundMessage m) {
        long at = m.sentAt() > 0 ? m.sentAt() : System.currentTimeMillis();
        Arrival a = new Arrival(m, MessageRecord.inbound(m.id(), m.from(), m.to(), m.body(), at).withConnection(connection));
        inOrder.addLast(a);
        save(a);
    }

    private void save(Arrival a) {
        a.state = State.STORING;
        store.saveInbound(a.record).onComplete(ar -> {
            if (ar.failed()) {
                a.state = State.FAILED;
                failed++;
                counters.inboundStoreFailures.incrementAndGet();
                retryLater(a, ar.cause());
            } else if (ar.result()) {
                a.state = State.NEW;
                counters.received.incrementAndGet();
            } else {
                a.state = State.REDELIVERED;
                counters.duplicatesDropped.incrementAndGet();
                log.debug("redelivered message {} from {} acknowledged again, not shown twice", a.message.id(), a.message.from());
                connector.acknowledge(a.message.from(), a.message.id());
            }
            passOn();
        });
    }

    /** Hands on what is stored at the head, in order; stops at the first message still storing or failed. */
    private void passOn() {
        Arrival head;
        while ((head = inOrder.peekFirst()) != null && (head.state == State.NEW || head.state == State.REDELIVERED)) {
            inOrder.pollFirst();
            if (head.state == State.NEW) {
                onNew.accept(head.message, head.record);
            }
        }
        if (failed == 0) {
            backoff.reset();
        }
    }

    private void retryLater(Arrival a, Throwable cause) {
        if (retryTimer >= 0) {
            return;
        }
        long delay = backoff.nextDelayMillis();
        log.error("could not store inbound message {} from {}; not acknowledged; storing it again in {} ms: {}", a.message.id(),
                a.message.from(), delay, cause.getMessage());
        retryTimer = vertx.setTimer(delay, id -> {
            retryTimer = -1;
            // Collected first: a store may complete at once, and passOn() then changes inOrder.
            List<Arrival> again = inOrder.stream().filter(x -> x.state == State.FAILED).toList();
            failed -= again.size();
            again.forEach(this::save);
        });
    }
}
