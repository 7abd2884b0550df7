package io.imbot.plugins.xmppconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.api.connector.Connector;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.api.connector.ConnectorHost;
import io.imbot.api.connector.OutboundMessage;
import io.imbot.testsupport.Heard;
import io.imbot.testsupport.Prosody;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Checks the plugin jar the build produced (run by failsafe after {@code package}, with Smack off
 * the class path as in the daemon): its manifest and extension index, and that PF4J loads it and
 * two connectors its factory makes talk through a real Prosody. Smack initialises inside the
 * plugin's class loader, with the thread's context class loader being the application's.
 */
class PluginJarIT {

    /** Test waits in seconds (this class uses no test helper that names the connector's classes: they are not on its class path). */
    private static final long WAIT = Timeouts.seconds(20);

    @TempDir
    Path dir;

    private static Path jar() {
        Path jar = Path.of(System.getProperty("xmpp.jar", "target/imbot-plugin-xmpp-connector.jar"));
        assertThat(jar).as("the plugin jar built by this module").isRegularFile();
        return jar;
    }

    @Test
    void jar_manifestAndExtensionIndex_smackInsideApiAndVertxNot() throws Exception {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("xmpp-connector");
            assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes()))
                    .contains("io.imbot.plugins.xmppconnector.XmppConnectorFactory");
            assertThat(jar.getEntry("org.jivesoftware.smack/smack-config.xml")).isNotNull();
            assertThat(jar.getEntry("org.jivesoftware.smack.im/smackim.providers")).isNotNull();
            assertThat(jar.getEntry("org.jivesoftware.smack.extensions/extensions.providers")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/org.jivesoftware.smack.xml.XmlPullParserFactory")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.startsWith("io/imbot/api/") || n.startsWith("org/pf4j/") || n.startsWith("io/vertx/"));
        }
        assertThat(getClass().getClassLoader().getResource("org/jivesoftware/smack/SmackConfiguration.class"))
                .as("Smack is not on this test's class path").isNull();
    }

    @Test
    void pf4j_loadsJar_twoConnectorsTalkThroughProsody() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar(), plugins.resolve("xmpp-connector.jar"));
        PluginManager manager = new DefaultPluginManager(plugins);
        Vertx vertx = Vertx.vertx();
        try (Prosody server = Prosody.start(dir.resolve("prosody"), Duration.ofSeconds(WAIT))) {
            server.register("bot", "bot-secret");
            server.register("alice", "alice-secret");
            manager.loadPlugins();
            manager.startPlugins();
            assertThat(manager.getPlugin("xmpp-connector").getPluginState()).isEqualTo(PluginState.STARTED);
            ConnectorFactory factory = manager.getExtensions(ConnectorFactory.class, "xmpp-connector").get(0);
            assertThat(factory.kind()).isEqualTo("xmpp");
            assertThat(factory.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());

            ConnectorHost host = new ConnectorHost() {
                @Override
                public <T> Optional<T> platform(Class<T> type) {
                    return type == Vertx.class ? Optional.of(type.cast(vertx)) : Optional.empty();
                }

                @Override
                public System.Logger logger() {
                    return System.getLogger("test");
                }
            };
            Heard botHeard = new Heard();
            Heard aliceHeard = new Heard();
            Context botContext = vertx.getOrCreateContext();
            Context aliceContext = vertx.getOrCreateContext();
            Connector bot = factory.create(settings(server, "bot"), host);
            Connector alice = factory.create(settings(server, "alice"), host);
            botContext.runOnContext(v -> bot.start(botHeard));
            aliceContext.runOnContext(v -> alice.start(aliceHeard));
            assertThat(botHeard.nextEvent(WAIT)).isEqualTo("ready");
            assertThat(aliceHeard.nextEvent(WAIT)).isEqualTo("ready");

            aliceContext.runOnContext(v -> alice.send(new OutboundMessage("a-1", "bot@localhost", "hello bot", 1L)));
            assertThat(aliceHeard.nextAck(WAIT)).isEqualTo("a-1");
            assertThat(botHeard.nextMessage(WAIT).from()).isEqualTo("alice@localhost");
            botContext.runOnContext(v -> bot.send(new OutboundMessage("b-1", "alice@localhost", "hello alice", 2L)));
            assertThat(botHeard.nextAck(WAIT)).isEqualTo("b-1");
            assertThat(aliceHeard.nextMessage(WAIT).id()).isEqualTo("b-1");

            stop(botContext, bot);
            stop(aliceContext, alice);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
            manager.unloadPlugins();
        }
    }

    private static ConnectionSettings settings(Prosody server, String user) {
        return new ConnectionSettings(user, "xmpp", "xmpp://127.0.0.1:" + server.port(), user + "@localhost", user + "-secret", List.of(),
                Duration.ofMillis(50), Duration.ofMillis(500), Map.of("caFile", server.caFile().toString()));
    }

    private static void stop(Context context, Connector connector) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> connector.stop().whenComplete((ok, e) -> done.complete(null)));
        done.get(WAIT, TimeUnit.SECONDS);
    }
}
