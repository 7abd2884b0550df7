package io.imbot.plugins.xmppconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.ConnectorListener;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.testsupport.Heard;
import io.imbot.testsupport.Prosody;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** The connector under test on a context of its own, driven from the test thread as the engine would. */
final class Bot {

    /** Test waits in seconds, scaled for slow machines. */
    static final long WAIT = Timeouts.seconds(20);

    final XmppConnector connector;
    final Context context;

    private Bot(Vertx vertx, XmppSettings settings) {
        this.connector = new XmppConnector(vertx, settings);
        this.context = vertx.getOrCreateContext();
    }

    /** Settings for {@code user} on {@code server}, trusting its CA; {@code options} override. */
    static ConnectionSettings settings(Prosody server, String user, String password, List<String> rooms, Map<String, Object> options) {
        Map<String, Object> all = new HashMap<>();
        all.put("caFile", server.caFile().toString());
        all.put("connectTimeout", "5s");
        all.putAll(options);
        all.values().removeIf(v -> v == null);
        return new ConnectionSettings("test", "xmpp", "xmpp://127.0.0.1:" + server.port(), user + "@" + Prosody.DOMAIN, password, rooms,
                Duration.ofMillis(50), Duration.ofMillis(500), all);
    }

    /** A started connector for {@code s}, reporting to {@code listener}. */
    static Bot start(Vertx vertx, ConnectionSettings s, ConnectorListener listener) {
        Bot bot = new Bot(vertx, XmppSettings.from(s, Path::of));
        bot.context.runOnContext(v -> bot.connector.start(listener));
        return bot;
    }

    /** Waits for {@code ready}, skipping failed attempts. */
    static void awaitReady(Heard heard) throws InterruptedException {
        String event = heard.nextEvent(WAIT);
        while (event.startsWith("failed: ")) {
            event = heard.nextEvent(WAIT);
        }
        assertThat(event).isEqualTo("ready");
    }

    void send(String id, String to, String body) {
        context.runOnContext(v -> connector.send(new OutboundMessage(id, to, body, 1_700_000_000_000L)));
    }

    void acknowledge(String from, String id) {
        context.runOnContext(v -> connector.acknowledge(from, id));
    }

    /** Runs {@code f} on the connector's context and returns its result. */
    <T> T on(Function<XmppConnector, T> f) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(f.apply(connector)));
        return result.get(WAIT, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> connector.stop().whenComplete((ok, e) -> done.complete(null)));
        done.get(WAIT, TimeUnit.SECONDS);
    }
}
