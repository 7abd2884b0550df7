package io.imbot.core.testing;

import io.imbot.api.ChatMessage;
import io.imbot.core.client.ChatClient;
import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.daemon.Daemon;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A whole daemon in this JVM: embedded reference server and admin API on free loopback ports, an
 * in-memory database, plugins from {@code home/plugins}. Plus a person's client on its own Vert.x.
 */
public final class DaemonFixture implements AutoCloseable {

    public final Daemon daemon;
    public final ImbotConfig config;
    private final Vertx clientVertx = Vertx.vertx();
    private ChatClient client;
    public final BlockingQueue<ChatMessage> inbox = new LinkedBlockingQueue<>();

    private DaemonFixture(Daemon daemon, ImbotConfig config) {
        this.daemon = daemon;
        this.config = config;
    }

    /**
     * Starts a daemon in {@code home}; {@code settings} are extra {@code imbot.*} properties. Like
     * the shipped {@code conf/imbot.yaml}, people log in without a token (open login), the bot only
     * with the daemon's own.
     */
    public static DaemonFixture start(Vertx vertx, Path home, String... settings) throws Exception {
        return startWithYaml(vertx, home, null, settings);
    }

    /** Like {@link #start}, with {@code yaml} (when not null) as {@code conf/imbot.yaml}, for what properties cannot say, such as lists. */
    public static DaemonFixture startWithYaml(Vertx vertx, Path home, String yaml, String... settings) throws Exception {
        Properties p = new Properties();
        p.setProperty("imbot.server.port", "0");
        p.setProperty("imbot.admin.port", "0");
        p.setProperty("imbot.database.url", "jdbc:hsqldb:mem:daemon-" + UUID.randomUUID());
        p.setProperty("imbot.delivery.ackTimeout", "500ms");
        p.setProperty("imbot.server.login.open", "true");
        for (int i = 0; i < settings.length; i += 2) {
            p.setProperty(settings[i], settings[i + 1]);
        }
        Path file = null;
        if (yaml != null) {
            file = java.nio.file.Files.createDirectories(home.resolve("conf")).resolve("imbot.yaml");
            java.nio.file.Files.writeString(file, yaml);
        }
        ImbotConfig config = new ConfigLoader(Map.of(), p).load(home, file);
        Daemon daemon = Futures.await(Daemon.start(vertx, config));
        return new DaemonFixture(daemon, config);
    }

    /** Logs a person in on the daemon's server; their inbound messages land in {@link #inbox}. */
    public ChatClient login(String user) {
        ImbotOptions tcp = ImbotOptions.defaults("127.0.0.1", daemon.serverPort(), user);
        DeliverySettings d = new DeliverySettings(Duration.ofMillis(500), 3, Duration.ofSeconds(10), 100, 1000, Duration.ofSeconds(1), 65536);
        client = new ChatClient(clientVertx, tcp, d);
        Futures.await(client.connect(inbox::add));
        return client;
    }

    /** The next message the person receives, or fails the test after {@code seconds} (scaled). */
    public ChatMessage nextReply(long seconds) throws InterruptedException {
        ChatMessage m = inbox.poll(Timeouts.seconds(seconds), TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no reply within " + Timeouts.seconds(seconds) + " s");
        }
        return m;
    }

    /** The replies' texts until (and including) one equal to {@code last}. */
    public List<String> repliesUntil(String last, long seconds) throws InterruptedException {
        List<String> seen = new java.util.ArrayList<>();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).equals(last)) {
            seen.add(nextReply(seconds).body());
        }
        return seen;
    }

    @Override
    public void close() {
        Futures.await(clientVertx.close());
        Futures.await(daemon.stop());
    }
}
