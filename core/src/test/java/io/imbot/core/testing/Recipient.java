package io.imbot.core.testing;

import io.imbot.api.ChatMessage;
import io.imbot.core.client.ChatClient;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A person on their own Vert.x, with the full client engine: reconnects after cuts, deduplicates
 * redeliveries, and records what it was shown, in order.
 */
public final class Recipient implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    public final List<ChatMessage> shown = new CopyOnWriteArrayList<>();

    /** Logs in with {@code options} and waits until logged in. */
    public Recipient(ImbotOptions options) {
        DeliverySettings d = new DeliverySettings(Duration.ofMillis(200), 5, Duration.ofSeconds(30), 100, 1000, Duration.ofSeconds(1), 65536);
        Futures.await(new ChatClient(vertx, options, d).connect(shown::add));
    }

    /** The bodies shown, in order. */
    public List<String> bodies() {
        return shown.stream().map(ChatMessage::body).toList();
    }

    @Override
    public void close() {
        Futures.await(vertx.close());
    }
}
