package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.testsupport.Heard;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A connector under test on a context of its own, started, with what it reported in {@link #heard}. */
final class Bot {

    /** Test waits in seconds, scaled for slow machines. */
    static final long WAIT = Timeouts.seconds(20);

    final IrcConnector connector;
    final Heard heard = new Heard();
    private final Context context;

    Bot(Vertx vertx, ConnectionSettings settings) {
        this.context = vertx.getOrCreateContext();
        this.connector = new IrcConnector(vertx, IrcSettings.from(settings, Path::of));
        context.runOnContext(v -> connector.start(heard));
    }

    /** Settings for a test connection: quick reconnects, the default flood limit unless {@code options} say otherwise. */
    static ConnectionSettings settings(String url, String nick, List<String> rooms, Map<String, Object> options) {
        return new ConnectionSettings("test", "irc", url, nick, "", rooms, Duration.ofMillis(50), Duration.ofMillis(500), options);
    }

    /** Waits for the first event and checks it is {@code ready}. */
    Bot ready() throws InterruptedException {
        assertThat(heard.nextEvent(WAIT)).isEqualTo("ready");
        return this;
    }

    void send(String id, String to, String body) {
        context.runOnContext(v -> connector.send(new OutboundMessage(id, to, body, 1_700_000_000_000L)));
    }

    /** Runs {@code read} on the connector's context and returns its result: the connector is confined there. */
    <T> T onContext(Supplier<T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(read.get()));
        return result.get(WAIT, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> connector.stop().whenComplete((ok, e) -> done.complete(null)));
        done.get(WAIT, TimeUnit.SECONDS);
    }
}
