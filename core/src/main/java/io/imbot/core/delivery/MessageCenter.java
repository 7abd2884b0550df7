package io.imbot.core.delivery;

import io.imbot.api.ChatMessage;
import io.imbot.api.ConnectionChange;
import io.imbot.api.DeliveryException.Reason;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.DeliveryGuarantee;
import io.imbot.api.connector.InboundMessage;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message center: owns the connector, the send flow ({@link SendFlow}: every unfinished
 * outbound message) and the receive flow ({@link ReceiveFlow}: inbound messages until the bots are
 * done with them), and publishes the connection's changes on {@link Addresses#CONNECTION}.
 *
 * <p>At start, messages a previous run left in the outbox go out first, and inbound messages it
 * left unhandled go to the bots first; then it connects.
 *
 * <p>All state is confined to this verticle's event loop; there are no locks. Callers on other
 * threads use the {@link DeliveryPort} methods or {@link Addresses#SEND}.
 */
public final class MessageCenter extends VerticleBase implements ConnectorListener, DeliveryPort {

    private static final Logger log = LoggerFactory.getLogger(MessageCenter.class);

    private final String name;
    /** Whether this is the first connection, which takes the sends on {@link Addresses#SEND} that name none. */
    private final boolean first;
    private final DeliverySettings settings;
    private final Connector connector;
    private final MessageStore store;
    private final String self;
    private final DeliveryCounters counters;

    // valid for the verticle's life, from start
    private SendFlow sending;
    private ReceiveFlow receiving;
    private MessageConsumer<Object> sendConsumer;
    private MessageConsumer<Object> namedSendConsumer;
    private volatile boolean up;
    private volatile String problem = "not connected yet"; // why it is not up; empty while up

    /**
     * Creates the engine. It takes ownership of {@code connector}; {@code store} must already be
     * open and is not closed by the engine.
     */
    public MessageCenter(DeliverySettings settings, Connector connector, MessageStore store, String self, DeliveryCounters counters) {
        this(ChatMessage.DEFAULT_CONNECTION, true, settings, connector, store, self, counters);
    }

    /**
     * Creates the engine of the connection {@code name}. It takes ownership of {@code connector};
     * {@code store} is that connection's view, already open, and is not closed by the engine.
     *
     * @param first whether sends on {@link Addresses#SEND} that name no connection come here
     */
    public MessageCenter(String name, boolean first, DeliverySettings settings, Connector connector, MessageStore store, String self,
            DeliveryCounters counters) {
        this.name = name;
        this.first = first;
        this.settings = settings;
        this.connector = connector;
        this.store = store;
        this.self = self;
        this.counters = counters;
        // Scraped as 0 from the start, not missing until the first loss (dashboards and alerts need the series).
        counters.meters().connectionLosses(name);
        counters.meters().failedAttempts(name);
    }

    @Override
    public Future<?> start() {
        LocalCodecs.register(vertx);
        sending = new SendFlow(vertx, name, settings, connector, store, self, counters);
        receiving = new ReceiveFlow(vertx, name, store, connector, counters, settings);
        return Future.all(store.loadPending(), store.loadUnhandled()).map(loaded -> {
            sending.recover(loaded.resultAt(0));
            receiving.redispatch(loaded.resultAt(1));
            namedSendConsumer = vertx.eventBus().consumer(Addresses.sendOn(name), this::onSendRequest);
            if (first) {
                sendConsumer = vertx.eventBus().consumer(Addresses.SEND, this::onSendRequest);
            }
            connector.start(new ContextBoundListener(this, context));
            return null;
        });
    }

    private void onSendRequest(Message<Object> msg) {
        if (!(msg.body() instanceof SendRequest request)) {
            msg.fail(400, "expected a " + SendRequest.class.getName() + ", got " + msg.body());
            return;
        }
        if (request.connection() != null && !request.connection().equals(name)) {
            // Sent to the first connection's address but naming another: pass it on.
            vertx.eventBus().request(Addresses.sendOn(request.connection()), request)
                    .onSuccess(reply -> msg.reply(reply.body()))
                    .onFailure(e -> msg.reply(DeliveryOutcome.refused(request.connection(), request.to(), Reason.INVALID,
                            "no connection named '" + request.connection() + "'")));
            return;
        }
        Promise<DeliveryOutcome> outcome = Promise.promise();
        sending.accept(request, null, outcome);
        outcome.future().onSuccess(msg::reply);
    }

    /** The connection's name. */
    public String name() {
        return name;
    }

    /** The names the bot goes by in this connection's rooms besides its user, as its connector says; from any thread. */
    public List<String> nicknames() {
        return connector.nicknames();
    }

    /** Whether the connection is logged in now. */
    public boolean up() {
        return up;
    }

    /** Why the connection is not up (the last failed attempt or loss), or empty while it is. */
    public String problem() {
        return problem;
    }

    /** What the connection's network confirms. */
    public DeliveryGuarantee guarantee() {
        return connector.guarantee();
    }

    /** The connector's description, without secrets. */
    public String describe() {
        return connector.describe();
    }

    /** The context this engine runs on, once deployed. */
    public Context context() {
        return context;
    }

    /**
     * Sends a message with a fresh ID. Call on this verticle's context (others use {@link #submit}).
     *
     * @return never fails: completes with the outcome once the send has ended
     */
    public Future<DeliveryOutcome> send(String to, String body) {
        Promise<DeliveryOutcome> outcome = Promise.promise();
        sending.accept(SendRequest.fresh(to, body), null, outcome);
        return outcome.future();
    }

    @Override
    public Submission submit(SendRequest request) {
        Promise<String> stored = Promise.promise();
        Promise<DeliveryOutcome> outcome = Promise.promise();
        onContext(() -> sending.accept(request, stored, outcome));
        return new Submission(stored.future(), outcome.future());
    }

    @Override
    public void handled(ChatMessage message) {
        onContext(() -> receiving.handled(message));
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    @Override
    public void onAttemptFailed(String reason) {
        problem = reason;
        counters.meters().failedAttempts(name).increment();
        vertx.eventBus().publish(Addresses.CONNECTION, new ConnectionChange(ConnectionChange.State.FAILED, reason, name));
    }

    @Override
    public void onReady() {
        vertx.eventBus().publish(Addresses.CONNECTION, new ConnectionChange(ConnectionChange.State.UP, "", name));
        up = true;
        problem = "";
        counters.connectionUp(name, true);
        log.info("connection {} up via {}; {} messages waiting", name, connector.describe(), sending.waiting());
        sending.pump();
    }

    @Override
    public void onWritable() {
        sending.pump();
    }

    @Override
    public void onLost(String reason) {
        vertx.eventBus().publish(Addresses.CONNECTION, new ConnectionChange(ConnectionChange.State.DOWN, reason, name));
        up = false;
        problem = reason;
        counters.meters().connectionLosses(name).increment();
        counters.connectionUp(name, false);
        receiving.onLost();
        sending.onLost(reason);
    }

    @Override
    public void onMessage(InboundMessage m) {
        receiving.onMessage(m);
    }

    @Override
    public void onAck(String id) {
        sending.onAck(id);
    }

    @Override
    public void onRejected(String id, String reason) {
        sending.onRejected(id, reason);
    }

    /** Stops taking messages, waits up to {@code stopGrace} for in-flight ACKs, disconnects, and flushes the store. */
    @Override
    public Future<?> stop() {
        if (sendConsumer != null) {
            sendConsumer.unregister();
        }
        if (namedSendConsumer != null) {
            namedSendConsumer.unregister();
        }
        Promise<Void> drained = Promise.promise();
        sending.drain().onComplete(ar -> drained.tryComplete());
        long graceTimer = vertx.setTimer(settings.stopGrace().toMillis(), id -> drained.tryComplete());
        return drained.future()
                .compose(v -> {
                    vertx.cancelTimer(graceTimer);
                    return Future.fromCompletionStage(connector.stop(), context);
                })
                .compose(v -> {
                    sending.abandonPending();
                    return store.flush();
                });
    }
}
