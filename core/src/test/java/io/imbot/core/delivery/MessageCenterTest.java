package io.imbot.core.delivery;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.EngineFixture;
import io.imbot.core.testing.RawClient;
import io.imbot.protocol.Frame;
import io.imbot.server.FaultOptions;
import io.imbot.server.ServerStats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class MessageCenterTest {

    @Test
    void send_serverAcks_completesAcknowledgedOnceAndStoresIt(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, EngineFixture.fastSettings()));

        DeliveryOutcome outcome = await(f.send("alice", "hello"));
        await(f.store.flush());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(f.statusesOf(outcome.id(), 2)).containsExactly("PENDING", "ACKNOWLEDGED");
        assertThat(await(f.server.acceptedIds("bot"))).containsExactly(outcome.id());
        assertThat(await(f.store.latest("alice", 10))).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(outcome.id());
            assertThat(r.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
            assertThat(r.body()).isEqualTo("hello");
        });
        assertThat(f.counters.pending()).isZero();
        assertThat(f.counters.timers()).isZero();
    }

    @Test
    void send_serverWithholdsAcks_retransmitsSameIdThenTimesOut(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, EngineFixture.fastSettings()));
        await(f.server.setFaults(FaultOptions.none().withWithholdAcks(true)));

        DeliveryOutcome outcome = await(f.send("alice", "anyone there?"));
        await(f.store.flush());
        ServerStats stats = await(f.server.stats());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.TIMED_OUT);
        assertThat(outcome.reason()).isEqualTo(DeliveryException.Reason.TIMED_OUT);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(await(f.server.acceptedIds("bot"))).containsExactly(outcome.id());
        assertThat(stats.acceptedMessages()).isEqualTo(1);
        assertThat(stats.duplicateMessages()).isEqualTo(2);
        assertThat(f.statusesOf(outcome.id(), 2)).containsExactly("PENDING", "TIMED_OUT");
        assertThat(await(f.store.latest("alice", 10))).singleElement().extracting(MessageRecord::status)
                .isEqualTo(DeliveryStatus.TIMED_OUT);
        assertThat(f.counters.retransmissions()).isEqualTo(2);
        assertThat(f.counters.timers()).isZero();
    }

    @Test
    void onAck_afterTimeout_updatesStoredStatusWithoutSecondOutcome(Vertx vertx) {
        DeliverySettings oneShot = new DeliverySettings(Duration.ofMillis(50), 1, Duration.ofSeconds(10), 10, 100, Duration.ofSeconds(1), 1000);
        EngineFixture f = await(EngineFixture.start(vertx, oneShot));
        await(f.server.setFaults(FaultOptions.none().withAckDelayMillis(300)));

        DeliveryOutcome outcome = await(f.send("alice", "slow"));
        await(Await.until(vertx, 5, () -> f.counters.lateAcks() == 1));
        await(f.store.flush());

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.TIMED_OUT);
        assertThat(await(f.store.latest("alice", 10))).singleElement().extracting(MessageRecord::status)
                .isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(f.statusesOf(outcome.id(), 2)).containsExactly("PENDING", "TIMED_OUT");
    }

    @Test
    void onMessage_newMessage_storedThenAckedThenPublished(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, EngineFixture.fastSettings()));
        RawClient alice = await(RawClient.login(vertx, f.server.port(), "alice"));
        Future<Frame> ack = alice.next(fr -> fr instanceof Frame.Ack a && a.id().equals("a-1"));

        alice.send(new Frame.Msg("a-1", "", "bot", "ping", 1000L));
        await(ack);
        await(Await.until(vertx, 5, () -> f.inboundEvents.size() == 1));

        assertThat(f.inboundEvents.get(0).message().id()).isEqualTo("a-1");
        assertThat(f.inboundEvents.get(0).message().from()).isEqualTo("alice");
        assertThat(await(f.store.latest("alice", 10))).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.RECEIVED);
            assertThat(r.body()).isEqualTo("ping");
        });
        assertThat(await(f.server.stats()).queuedMessages()).isZero();
    }

    @Test
    void onMessage_serverDeliversEachMessageThreeTimes_storedAndShownOnce(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, EngineFixture.fastSettings()));
        await(f.server.setFaults(FaultOptions.none().withDuplicateDeliveries(3)));
        RawClient alice = await(RawClient.login(vertx, f.server.port(), "alice"));

        alice.send(new Frame.Msg("d-1", "", "bot", "first", 1L));
        alice.send(new Frame.Msg("d-2", "", "bot", "second", 2L));
        await(Await.until(vertx, 5, () -> f.counters.duplicatesDropped() == 4));

        assertThat(f.inboundEvents).extracting(e -> e.message().id()).containsExactly("d-1", "d-2");
        assertThat(await(f.store.latest("alice", 10))).extracting(MessageRecord::id).containsExactly("d-1", "d-2");
        assertThat(f.counters.received()).isEqualTo(2);
    }

    @Test
    void send_textWithLoneSurrogate_refusedAsInvalidAndNothingStored(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, EngineFixture.fastSettings()));

        DeliveryOutcome outcome = await(f.send("alice", "broken \ud800 text"));

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.reason()).isEqualTo(DeliveryException.Reason.INVALID);
        assertThat(outcome.detail()).contains("lone surrogate at index 7");
        assertThat(await(f.store.latest("alice", 10))).isEmpty();
    }

    @Test
    void onMessage_textOverMaxBodyChars_acknowledgedDroppedAndCounted(Vertx vertx) {
        DeliverySettings small = new DeliverySettings(Duration.ofMillis(100), 3, Duration.ofSeconds(10), 10, 100, Duration.ofSeconds(1), 10);
        EngineFixture f = await(EngineFixture.start(vertx, small));
        RawClient alice = await(RawClient.login(vertx, f.server.port(), "alice"));

        alice.send(new Frame.Msg("long-1", "", "bot", "eleven char", 1L));
        alice.send(new Frame.Msg("short-1", "", "bot", "ten chars!", 2L));
        await(Await.until(vertx, 10, () -> f.inboundEvents.size() == 1));
        await(Await.untilAsync(vertx, 10, () -> f.server.stats().map(s -> s.queuedMessages() == 0)));

        assertThat(f.inboundEvents).extracting(e -> e.message().id()).containsExactly("short-1");
        assertThat(f.counters.inboundTooLong()).isEqualTo(1);
        assertThat(await(f.store.latest("alice", 10))).extracting(MessageRecord::id).containsExactly("short-1");
    }

    @Test
    void send_backlogFull_failsAtOnceAndDeliversAcceptedOnesLater(Vertx vertx) {
        DeliverySettings small = new DeliverySettings(Duration.ofMillis(100), 1000, Duration.ofSeconds(30), 10, 5, Duration.ofSeconds(1), 1000);
        EngineFixture f = await(EngineFixture.start(vertx, small));
        await(f.server.setFaults(FaultOptions.none().withWithholdAcks(true)));
        List<Future<DeliveryOutcome>> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accepted.add(f.send("alice", "m" + i));
        }
        await(Await.until(vertx, 5, () -> f.counters.pending() == 5));

        DeliveryOutcome refused = await(f.send("alice", "one too many"));
        await(f.server.setFaults(FaultOptions.none()));

        assertThat(refused.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(refused.reason()).isEqualTo(DeliveryException.Reason.BACKLOG_FULL);
        assertThat(refused.id()).isEmpty();
        for (Future<DeliveryOutcome> each : accepted) {
            assertThat(await(each).status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        }
        assertThat(f.counters.pending()).isZero();
        assertThat(f.counters.timers()).isZero();
    }

    @Test
    void send_invalidRecipientOrEmptyText_refusedWithReason(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, EngineFixture.fastSettings()));

        DeliveryOutcome bad = await(f.send("not a name", "x"));
        DeliveryOutcome empty = await(f.send("alice", ""));

        assertThat(bad.reason()).isEqualTo(DeliveryException.Reason.INVALID);
        assertThat(bad.detail()).contains("recipient");
        assertThat(empty.reason()).isEqualTo(DeliveryException.Reason.INVALID);
        assertThat(f.counters.accepted()).isZero();
    }

    @Test
    void stop_acksWithheld_waitsGraceThenTellsCallersStoppedAndKeepsMessagesPending(Vertx vertx) {
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(5), 3, Duration.ofSeconds(60), 10, 100, Duration.ofMillis(300), 1000);
        EngineFixture f = await(EngineFixture.start(vertx, settings));
        await(f.server.setFaults(FaultOptions.none().withWithholdAcks(true)));
        Future<DeliveryOutcome> first = f.send("alice", "one");
        Future<DeliveryOutcome> second = f.send("alice", "two");
        await(Await.until(vertx, 5, () -> f.counters.inFlight() == 2));

        long t0 = System.nanoTime();
        await(f.stopEngine());
        long stopMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(stopMs).as("waited for the grace period").isGreaterThanOrEqualTo(250);
        assertThat(await(first).reason()).isEqualTo(DeliveryException.Reason.STOPPED);
        assertThat(await(second).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(await(f.store.loadPending())).extracting(MessageRecord::body).containsExactly("one", "two");
    }
}
