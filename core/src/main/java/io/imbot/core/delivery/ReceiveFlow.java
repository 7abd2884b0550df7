package io.imbot.core.delivery;

import io.imbot.api.ChatMessage;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.InboundMessage;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive flow of the message center: store (deduplicated), acknowledge, then hand to the bots
 * on {@link Addresses#INBOUND}, and record when they are done.
 *
 * <p>A new message is unhandled (in the store's inbox) until whoever handles it reports back.
 * Messages left unhandled by a crash are dispatched again at start, before new ones. At most
 * {@code maxUnhandled} messages are with the bots at once; the rest wait here, stored, in arrival
 * order. While that many wait, new messages are stored but their ACKs are held back, so the
 * server's delivery window stops the flow instead of this queue growing. Storing, in arrival order
 * and with retries when the store fails, is {@link Arrivals}'s work. {@code maxUnhandled} 0
 * means nobody reports back (a chat client): every message is published and ACKed at once.
 *
 * <p>Confined to the message center's context.
 */
final class ReceiveFlow {

    private static final Logger log = LoggerFactory.getLogger(ReceiveFlow.class);

    private final Vertx vertx;
    private final MessageStore store;
    private final Connector connector;
    private final DeliveryCounters counters;
    private final int maxUnhandled;
    private final int maxBodyChars;

    /** Stored, not yet published: in arrival order, re-dispatches first. */
    private final ArrayDeque<Inbound> waiting = new ArrayDeque<>();
    /** Stored messages whose ACK waits until the bots catch up; forgotten when the connection goes (the server redelivers). */
    private final ArrayDeque<InboundMessage> heldAcks = new ArrayDeque<>();
    /** Published and not reported handled yet. */
    private int withBots;
    private final Arrivals arrivals;

    ReceiveFlow(Vertx vertx, String connection, MessageStore store, Connector connector, DeliveryCounters counters,
            DeliverySettings settings) {
        this.vertx = vertx;
        this.store = store;
        this.connector = connector;
        this.counters = counters;
        this.maxUnhandled = settings.maxUnhandled();
        this.maxBodyChars = settings.maxBodyChars();
        this.arrivals = new Arrivals(vertx, connection, store, connector, counters, this::onStored);
    }

    /** Queues the messages a previous run left unhandled, ahead of anything new. */
    void redispatch(List<MessageRecord> unhandled) {
        for (MessageRecord r : unhandled) {
            waiting.addLast(new Inbound(r.toChatMessage(), true));
        }
        if (!unhandled.isEmpty()) {
            log.info("{} stored messages were not handled before the last stop; the bots see them again first", unhandled.size());
        }
        counters.redispatched.addAndGet(unhandled.size());
        publishWaiting();
    }

    void onMessage(InboundMessage m) {
        if (m.body().length() > maxBodyChars) {
            // Acknowledged, or the server would send it for ever; dropped, as a send that long is refused.
            counters.inboundTooLong.incrementAndGet();
            log.warn("dropped message {} from {}: {} characters, over delivery.maxBodyChars ({})", m.id(), m.from(), m.body().length(),
                    maxBodyChars);
            connector.acknowledge(m.from(), m.id());
            return;
        }
        arrivals.add(m);
    }

    /** A new message, stored, in arrival order: it waits for the bots; its ACK is held while too many do. */
    private void onStored(InboundMessage m, MessageRecord record) {
        waiting.addLast(new Inbound(record.toChatMessage(), false));
        if (maxUnhandled > 0 && unhandled() > maxUnhandled) {
            heldAcks.addLast(m);
        } else {
            connector.acknowledge(m.from(), m.id());
        }
        publishWaiting();
    }

    /** Every bot is done with {@code message}: it leaves the inbox, and the next waiting message goes out. */
    void handled(ChatMessage message) {
        store.markHandled(message.from(), message.id())
                .onFailure(e -> log.warn("could not record message {} from {} as handled; it is shown again after a restart: {}",
                        message.id(), message.from(), e.getMessage()));
        if (maxUnhandled > 0 && withBots > 0) {
            withBots--;
        }
        publishWaiting();
        while (!heldAcks.isEmpty() && unhandled() <= maxUnhandled) {
            InboundMessage held = heldAcks.pollFirst();
            connector.acknowledge(held.from(), held.id());
        }
    }

    /** The server forgets unacknowledged deliveries with the connection and sends them again. */
    void onLost() {
        heldAcks.clear();
    }

    /** Messages stored and not handled: waiting here or with the bots. */
    int unhandled() {
        return withBots + waiting.size();
    }

    private void publishWaiting() {
        while (!waiting.isEmpty() && (maxUnhandled <= 0 || withBots < maxUnhandled)) {
            if (maxUnhandled > 0) {
                withBots++;
            }
            vertx.eventBus().publish(Addresses.INBOUND, waiting.pollFirst());
        }
        counters.unhandled.set(unhandled());
    }
}
