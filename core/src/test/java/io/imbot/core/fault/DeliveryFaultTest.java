package io.imbot.core.fault;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.EngineFixture;
import io.imbot.core.testing.Recipient;
import io.imbot.core.testing.Wire;
import io.imbot.server.FaultOptions;
import io.imbot.server.ServerStats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delivery promises under injected faults, end to end: the daemon's engine sends through the
 * reference server (which injects the faults) to a person's client, over loopback TCP, TLS,
 * WebSocket and WebSocket over TLS: each test runs on every {@link Wire}.
 */
@ExtendWith(VertxExtension.class)
class DeliveryFaultTest {

    private static DeliverySettings settings(int attempts) {
        return new DeliverySettings(Duration.ofMillis(100), attempts, Duration.ofSeconds(60), 100, 100_000, Duration.ofSeconds(1), 65536);
    }

    private static List<String> bodies(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(String.format("%s-%05d", prefix, i));
        }
        return out;
    }

    private static List<DeliveryOutcome> sendAll(EngineFixture f, List<String> bodies) {
        List<Future<DeliveryOutcome>> sent = new ArrayList<>();
        bodies.forEach(b -> sent.add(f.send("alice", b)));
        return sent.stream().map(x -> await(x, 60)).toList();
    }

    /** Every message ended exactly once, the server accepted each ID once, the person saw each once, in order. */
    private static void assertExactlyOnce(EngineFixture f, Recipient alice, List<String> expected, List<DeliveryOutcome> outcomes) {
        List<String> ids = outcomes.stream().map(DeliveryOutcome::id).toList();
        assertThat(new HashSet<>(ids)).hasSize(expected.size());
        assertThat(f.finalStatusCounts(expected.size())).hasSize(expected.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(await(f.server.acceptedIds("bot"))).containsExactlyElementsOf(ids);
        await(Await.until(f.vertx, 30, () -> alice.shown.size() >= expected.size()));
        assertThat(alice.bodies()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void send_serverDropsAndDelaysAcks_everyMessageEndsOnceAndArrivesOnce(Wire wire, Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, wire, settings(6), UnaryOperator.identity()));
        try (Recipient alice = new Recipient(f.tcpOptions("alice"))) {
            await(f.server.setFaults(FaultOptions.none().withDropAckPercent(30).withSeed(42)));
            List<String> dropped = bodies("dropped", 500);
            List<DeliveryOutcome> outcomes = new ArrayList<>(sendAll(f, dropped));
            // Three ACK timeouts late: the first timer fires first even when a busy machine runs it late.
            await(f.server.setFaults(FaultOptions.none().withAckDelayMillis(300)));
            List<String> delayed = bodies("delayed", 200);
            outcomes.addAll(sendAll(f, delayed));
            await(f.server.setFaults(FaultOptions.none()));

            List<String> all = new ArrayList<>(dropped);
            all.addAll(delayed);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isIn(DeliveryStatus.ACKNOWLEDGED, DeliveryStatus.TIMED_OUT));
            assertThat(outcomes.subList(500, 700)).allSatisfy(o -> assertThat(o.attempts()).isGreaterThanOrEqualTo(2));
            assertExactlyOnce(f, alice, all, outcomes);
            ServerStats stats = await(f.server.stats());
            assertThat(stats.acksDropped()).isPositive();
            assertThat(stats.acksDelayed()).isPositive();
            FaultReport.print("ack faults over " + wire, all.size(), "acks dropped " + stats.acksDropped() + ", acks delayed past the timeout "
                    + stats.acksDelayed(), outcomes, alice.shown.size() - new HashSet<>(alice.bodies()).size(), f);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void send_connectionCutSeveralTimesMidStream_allArriveInOrderNoneTwice(Wire wire, Vertx vertx) {
        // Enough attempts (10 s of them) that no message times out while the test holds its ACKs,
        // however late this thread gets to cut the connection on a loaded machine.
        EngineFixture f = await(EngineFixture.start(vertx, wire, settings(100), UnaryOperator.identity()));
        try (Recipient alice = new Recipient(f.tcpOptions("alice"))) {
            List<String> expected = bodies("cut", 3000);
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            int cuts = 0;
            for (int k = 0; k < 5; k++) {
                // ACKs are held before the batch goes out, so the engine fills its window and stops
                // there, with the rest of the batch queued behind it: the cut lands with a full
                // window in flight, wherever the stream would have got to meanwhile.
                await(f.server.setFaults(FaultOptions.none().withWithholdAcks(true)));
                List<Future<DeliveryOutcome>> batch = new ArrayList<>();
                expected.subList(600 * k, 600 * (k + 1)).forEach(b -> batch.add(f.send("alice", b)));
                await(Await.until(vertx, 30, () -> f.counters.inFlight() == 100));
                await(f.server.disconnectAll());
                await(f.server.setFaults(FaultOptions.none()));
                cuts++;
                batch.forEach(x -> outcomes.add(await(x, 60))); // the batch ends before the next one goes out
            }

            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));
            assertThat(f.connectionEvents.stream().filter("down"::equals).count()).isEqualTo(5);
            assertExactlyOnce(f, alice, expected, outcomes);
            FaultReport.print("connection cuts over " + wire, expected.size(), cuts + " cuts of every connection, each with 100 messages in flight",
                    outcomes, alice.shown.size() - new HashSet<>(alice.bodies()).size(), f);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void send_linkGoesSilentWithoutClosing_heartbeatReconnectsNothingLost(Wire wire, Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, wire, settings(50),
                tcp -> tcp.withHeartbeat(Duration.ofMillis(100), Duration.ofMillis(400))));
        try (Recipient alice = new Recipient(f.tcpOptions("alice"))) {
            List<String> expected = bodies("silent", 400);
            List<Future<DeliveryOutcome>> sending = new ArrayList<>();
            expected.subList(0, 100).forEach(b -> sending.add(f.send("alice", b)));
            await(Await.until(vertx, 30, () -> f.counters.acknowledged() >= 100));
            // Silent before the other 300 go out: the engine writes its window into the dead link,
            // so messages are in flight when it dies, however fast the first 100 went.
            await(f.server.setFaults(FaultOptions.none().withSilent(true)));
            expected.subList(100, 400).forEach(b -> sending.add(f.send("alice", b)));
            await(Await.until(vertx, 30, () -> f.connectionEvents.contains("down")));
            await(f.server.setFaults(FaultOptions.none()));
            List<DeliveryOutcome> outcomes = sending.stream().map(x -> await(x, 60)).toList();

            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));
            assertThat(f.connectionEvents).contains("down");
            assertThat(f.counters.retransmissions()).as("messages in flight when the link went silent").isPositive();
            assertExactlyOnce(f, alice, expected, outcomes);
            FaultReport.print("silent link over " + wire, expected.size(), "1 silence detected by heartbeat", outcomes,
                    alice.shown.size() - new HashSet<>(alice.bodies()).size(), f);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void send_serverRestartsMidStream_messagesSentWhileItIsDownGoOutAfterOnce(Wire wire, Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, wire, settings(100), UnaryOperator.identity()));
        try (Recipient alice = new Recipient(f.tcpOptions("alice"))) {
            List<String> before = bodies("before", 100);
            List<DeliveryOutcome> outcomes = new ArrayList<>(sendAll(f, before));
            // The server keeps its queues in memory: what it has not delivered yet dies with it.
            await(Await.until(vertx, 30, () -> alice.shown.size() >= before.size()));
            await(f.stopServer());
            await(Await.until(vertx, 30, () -> f.connectionEvents.contains("down")));
            List<String> during = bodies("during", 200);
            List<Future<DeliveryOutcome>> sending = new ArrayList<>();
            during.forEach(b -> sending.add(f.send("alice", b)));
            await(f.startServerAgain());
            sending.forEach(x -> outcomes.add(await(x, 60)));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED));
            List<String> all = new ArrayList<>(before);
            all.addAll(during);
            await(Await.until(vertx, 30, () -> alice.shown.size() >= all.size()));
            assertThat(alice.bodies()).containsExactlyElementsOf(all);
            assertThat(await(f.server.acceptedIds("bot"))).containsExactlyElementsOf(outcomes.subList(100, 300).stream()
                    .map(DeliveryOutcome::id).toList());
            FaultReport.print("server restart over " + wire, all.size(), "1 stop and start of the server with 200 messages sent while"
                    + " it was down", outcomes, alice.shown.size() - new HashSet<>(alice.bodies()).size(), f);
        }
    }
}
