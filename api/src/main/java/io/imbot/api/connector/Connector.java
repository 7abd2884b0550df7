package io.imbot.api.connector;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One connection to an IM network, made by a {@link ConnectorFactory}. A connector only moves
 * messages: it connects, logs in, keeps the link alive, reconnects with backoff after a loss, turns
 * what arrives into {@link ConnectorListener} calls, and says what a confirmation means on its
 * network ({@link #guarantee()}). The delivery engine owns everything else: message IDs, the
 * outbox, timers, retransmission, deduplication, history and the bots.
 *
 * <p>Threading: the engine calls every method from one thread of its own, never two at once, and
 * {@link #writable()} often; keep it cheap. A connector built on the daemon's Vert.x (see {@link
 * ConnectorHost#platform}) that does its work on the calling thread's context needs no locks.
 */
public interface Connector {

    /** What a confirmation from this network means; fixed for the connector's life. */
    DeliveryGuarantee guarantee();

    /**
     * Checks a recipient before the engine accepts a message for it: this network's rules for user
     * and room names.
     *
     * @param address a user or a room (rooms start with {@code #})
     * @return {@code null} when the address is valid here, else a short reason
     */
    String checkAddress(String address);

    /** Starts connecting; keeps reconnecting with backoff until {@link #stop()}. */
    void start(ConnectorListener listener);

    /** Whether the connector is logged in and can take messages right now. */
    boolean ready();

    /** Whether {@link #ready()} and the outgoing queue has room; if not, wait for {@code onWritable}. */
    boolean writable();

    /** Writes one message; its confirmation or refusal arrives later through the listener. */
    void send(OutboundMessage message);

    /** Tells the network that the inbound message {@code id} from {@code from} is stored; a no-op where the network has no such thing. */
    void acknowledge(String from, String id);

    /** Closes the connection and stops reconnecting; completes once closed. */
    CompletionStage<Void> stop();

    /**
     * The names the bot goes by in rooms on this network right now, when they differ from the
     * configured user: its room nickname (XMPP), its current nick (IRC, after a nick collision).
     * Bots count {@code name:} and {@code @name} as addressed to them. Called from any thread,
     * so keep the value where any thread sees it (a {@code volatile} field); none by default.
     */
    default List<String> nicknames() {
        return List.of();
    }

    /** A short description for logs, without secrets, such as {@code tcp://127.0.0.1:7070 as bot}. */
    String describe();
}
