package io.imbot.core.client;

import io.imbot.api.ChatMessage;
import io.imbot.api.ConnectionChange;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.Inbound;
import io.imbot.core.delivery.LocalCodecs;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.history.VolatileMessageStore;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Consumer;

/**
 * A person's connection for {@code imbot send} and {@code imbot chat}: the same delivery engine as
 * the daemon (IDs, ACK tracking, retransmission), with a store that keeps nothing on disk.
 */
public final class ChatClient {

    private final Vertx vertx;
    private final MessageCenter center;
    private final Promise<Void> connected = Promise.promise();
    private String deploymentId;

    /** Creates a client that logs in as {@code options.user()}; nothing happens until {@link #connect}. */
    public ChatClient(Vertx vertx, ImbotOptions options, DeliverySettings settings) {
        this.vertx = vertx;
        this.center = new MessageCenter(settings, new ImbotConnector(vertx, options), new VolatileMessageStore(), options.user(),
                new DeliveryCounters());
    }

    /**
     * Connects and logs in.
     *
     * @param onMessage receives every inbound message (on an event loop; keep it short)
     * @return completes once logged in; fails with the reason of the first failed attempt
     */
    public Future<Void> connect(Consumer<ChatMessage> onMessage) {
        LocalCodecs.register(vertx);
        vertx.eventBus().<ConnectionChange>consumer(Addresses.CONNECTION, msg -> {
            switch (msg.body().state()) {
                case UP -> connected.tryComplete();
                case FAILED -> connected.tryFail(msg.body().reason());
                case DOWN -> { }
            }
        });
        vertx.eventBus().<Inbound>consumer(Addresses.INBOUND, msg -> onMessage.accept(msg.body().message()));
        return vertx.deployVerticle(center).compose(id -> {
            deploymentId = id;
            return connected.future();
        });
    }

    /** Sends {@code text} to {@code to}; completes with the outcome (never fails). */
    public Future<DeliveryOutcome> send(String to, String text) {
        return center.submit(SendRequest.fresh(to, text)).outcome();
    }

    /** Disconnects. */
    public Future<Void> close() {
        return deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    }
}
