package io.imbot.plugins.mqttconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.connector.ConnectionSettings;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.Inbound;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.testsupport.Mosquitto;
import io.imbot.testsupport.Timeouts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real delivery engines (each with its HSQLDB store) talk through a real mosquitto in both
 * directions at once while the broker is restarted twice mid-stream: every message ends
 * acknowledged, each arrives, and none is shown twice although QoS 1 may deliver it twice.
 */
class MqttEngineFaultTest {

    private static final long WAIT = Timeouts.seconds(60);
    private static final int EACH_WAY = 1500;

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private Mosquitto broker;

    @BeforeEach
    void startBroker() {
        broker = Mosquitto.start(dir.resolve("broker"), Duration.ofSeconds(20));
    }

    @AfterEach
    void stopAll() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
        broker.close();
    }

    /** One side: an engine with its connector and store, and what it was shown. */
    private final class Side {
        final DeliveryCounters counters = new DeliveryCounters();
        final Queue<ChatMessage> shown = new ConcurrentLinkedQueue<>();
        final MessageCenter center;

        Side(String user) throws Exception {
            ConnectionSettings s = new ConnectionSettings("mqtt", "mqtt", "mqtt://127.0.0.1:" + broker.port(), user, "", List.of(),
                    Duration.ofMillis(50), Duration.ofMillis(500), Map.of());
            // Long enough that nothing times out while the broker is away; the test is about loss and doubles.
            DeliverySettings d = new DeliverySettings(Duration.ofSeconds(2), 60, Duration.ofSeconds(120), 200, 10_000, Duration.ofSeconds(1), 65536);
            JdbcMessageStore store = get(JdbcMessageStore.open(vertx, "jdbc:hsqldb:mem:mqtt-" + UUID.randomUUID(), user, Duration.ofSeconds(5)));
            center = new MessageCenter(d, new MqttConnector(vertx, MqttSettings.from(s, Path::of)), store, user, counters);
            vertx.eventBus().<Inbound>consumer(Addresses.INBOUND, m -> {
                if (m.body().message().to().equals(user)) {
                    shown.add(m.body().message());
                }
            });
            get(vertx.deployVerticle(center));
        }

        List<Future<DeliveryOutcome>> sendAll(String to, String prefix) {
            List<Future<DeliveryOutcome>> out = new ArrayList<>();
            for (int i = 0; i < EACH_WAY; i++) {
                out.add(center.submit(SendRequest.fresh(to, String.format("%s-%05d", prefix, i))).outcome());
            }
            return out;
        }
    }

    @Test
    void brokerRestartedTwiceMidStream_bothWays_noneLostNoneShownTwice() throws Exception {
        Side bot = new Side("bot");
        Side alice = new Side("alice");
        await(() -> bot.counters.connected() && alice.counters.connected(), "both connected");

        List<Future<DeliveryOutcome>> fromBot = bot.sendAll("alice", "to-alice");
        List<Future<DeliveryOutcome>> fromAlice = alice.sendAll("bot", "to-bot");
        int restarts = 0;
        for (int threshold : new int[] {EACH_WAY / 4, EACH_WAY / 2}) {
            await(() -> bot.counters.acknowledged() + alice.counters.acknowledged() >= threshold, "acknowledged " + threshold);
            broker.restart(Duration.ofSeconds(20));
            restarts++;
        }

        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (Future<DeliveryOutcome> f : concat(fromBot, fromAlice)) {
            outcomes.add(get(f));
        }
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));
        await(() -> bot.shown.size() >= EACH_WAY && alice.shown.size() >= EACH_WAY, "everything shown");
        assertShownOnceEach(alice, fromBot);
        assertShownOnceEach(bot, fromAlice);
        long retransmissions = bot.counters.retransmissions() + alice.counters.retransmissions();
        long doubles = bot.counters.duplicatesDropped() + alice.counters.duplicatesDropped();
        System.out.println("FAULT-REPORT mqtt broker restarts: sent " + 2 * EACH_WAY + " (" + EACH_WAY + " each way); restarts " + restarts
                + "; acknowledged " + outcomes.size() + "; retransmissions " + retransmissions + "; copies the broker delivered twice, dropped by the engine "
                + doubles + "; lost 0; shown twice 0");
    }

    private static void assertShownOnceEach(Side receiver, List<Future<DeliveryOutcome>> sent) {
        List<String> shownIds = receiver.shown.stream().map(ChatMessage::id).toList();
        Set<String> sentIds = new HashSet<>();
        sent.forEach(f -> sentIds.add(f.result().id()));
        assertThat(shownIds).as("each shown once").doesNotHaveDuplicates();
        assertThat(new HashSet<>(shownIds)).isEqualTo(sentIds);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }

    /** Checks {@code condition} on a Vert.x timer until it holds, failing after {@link #WAIT} seconds. */
    private void await(BooleanSupplier condition, String what) throws Exception {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        vertx.setPeriodic(20, id -> {
            if (condition.getAsBoolean()) {
                vertx.cancelTimer(id);
                done.tryComplete();
            } else if (System.nanoTime() > deadline) {
                vertx.cancelTimer(id);
                done.tryFail(new AssertionError("not within " + WAIT + " s: " + what));
            }
        });
        get(done.future());
    }
}
