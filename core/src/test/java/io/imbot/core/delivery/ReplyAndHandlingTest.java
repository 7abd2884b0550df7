package io.imbot.core.delivery;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.EngineFixture;
import io.imbot.core.testing.RawClient;
import io.imbot.protocol.Frame;
import io.imbot.server.FaultOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Replies with derived IDs, sent again after a restart, and inbound messages handled once across restarts. */
@ExtendWith(VertxExtension.class)
class ReplyAndHandlingTest {

    private static final DeliverySettings SETTINGS = EngineFixture.fastSettings().withMaxUnhandled(100);

    @Test
    void submit_replyIdAcknowledgedBeforeRestart_notSentAgainAndCallerToldHowItEnded(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, SETTINGS));
        String id = ReplyIds.derive("alice", "m-1", "echo/EchoBot", 0);
        assertThat(await(f.center.submit(SendRequest.reply("alice", "echo: hi", id, false, null)).outcome()).status())
                .isEqualTo(DeliveryStatus.ACKNOWLEDGED);

        await(f.restartEngine(SETTINGS));
        Submission again = f.center.submit(SendRequest.reply("alice", "echo: hi", id, true, null));

        assertThat(await(again.stored())).isEqualTo(id);
        DeliveryOutcome outcome = await(again.outcome());
        assertThat(outcome.id()).isEqualTo(id);
        assertThat(outcome.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(f.counters.repliesSentBefore()).isEqualTo(1);
        assertThat(await(f.server.acceptedIds("bot"))).containsExactly(id);
        assertThat(await(f.server.stats()).duplicateMessages()).isZero();
        await(f.store.flush());
        assertThat(await(f.store.latest("alice", 10))).extracting(MessageRecord::id).containsExactly(id);
    }

    @Test
    void submit_sameReplyIdWhileFirstInFlight_sentOnceAndBothCallersTold(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, SETTINGS));
        await(f.server.setFaults(FaultOptions.none().withWithholdAcks(true)));
        String id = ReplyIds.derive("alice", "m-2", "echo/EchoBot", 0);
        Submission first = f.center.submit(SendRequest.reply("alice", "echo: again", id, false, null));
        await(first.stored());
        await(Await.until(vertx, 10, () -> f.counters.inFlight() == 1));

        Submission second = f.center.submit(SendRequest.reply("alice", "echo: again", id, true, null));
        assertThat(await(second.stored())).isEqualTo(id);
        await(f.server.setFaults(FaultOptions.none()));

        assertThat(await(first.outcome()).status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        assertThat(await(second.outcome())).isEqualTo(await(first.outcome()));
        assertThat(f.counters.joinedReplies()).isEqualTo(1);
        assertThat(await(f.server.acceptedIds("bot"))).containsExactly(id);
        assertThat(f.statusesOf(id, 2)).containsExactly("PENDING", "ACKNOWLEDGED");
    }

    @Test
    void start_inboundLeftUnhandled_shownAgainBeforeNewOnesAndMarkedRedelivered(Vertx vertx) {
        EngineFixture f = await(EngineFixture.start(vertx, SETTINGS));
        RawClient alice = await(RawClient.login(vertx, f.server.port(), "alice"));
        alice.send(new Frame.Msg("a-1", "", "bot", "one", 1L));
        alice.send(new Frame.Msg("a-2", "", "bot", "two", 2L));
        alice.send(new Frame.Msg("a-3", "", "bot", "three", 3L));
        await(Await.until(vertx, 10, () -> f.inboundEvents.size() == 3));
        f.center.handled(f.inboundEvents.get(1).message()); // a-2 is done; a-1 and a-3 are not
        await(Await.until(vertx, 10, () -> f.counters.unhandled() == 2));

        await(f.restartEngine(SETTINGS));
        alice.send(new Frame.Msg("a-4", "", "bot", "four", 4L));
        await(Await.until(vertx, 10, () -> f.inboundEvents.size() == 6));

        List<Inbound> afterRestart = f.inboundEvents.subList(3, 6);
        assertThat(afterRestart).extracting(e -> e.message().id()).containsExactly("a-1", "a-3", "a-4");
        assertThat(afterRestart).extracting(Inbound::redelivered).containsExactly(true, true, false);
        assertThat(afterRestart.get(0).message().body()).isEqualTo("one");
        assertThat(f.counters.redispatched()).isEqualTo(2);
        assertThat(await(f.store.loadUnhandled())).extracting(MessageRecord::id).containsExactly("a-1", "a-3", "a-4");
    }

    @Test
    void onMessage_moreThanMaxUnhandled_acksHeldBackUntilTheBotsCatchUp(Vertx vertx) {
        DeliverySettings two = EngineFixture.fastSettings().withMaxUnhandled(2);
        EngineFixture f = await(EngineFixture.start(vertx, two));
        RawClient alice = await(RawClient.login(vertx, f.server.port(), "alice"));
        for (int i = 1; i <= 4; i++) {
            alice.send(new Frame.Msg("h-" + i, "", "bot", "text " + i, i));
        }
        await(Await.until(vertx, 10, () -> f.counters.received() == 4));

        assertThat(f.inboundEvents).extracting(e -> e.message().id()).containsExactly("h-1", "h-2");
        await(Await.untilAsync(vertx, 10, () -> f.server.stats().map(s -> s.queuedMessages() == 2)));

        f.center.handled(f.inboundEvents.get(0).message());
        f.center.handled(f.inboundEvents.get(1).message());
        await(Await.until(vertx, 10, () -> f.inboundEvents.size() == 4));
        await(Await.untilAsync(vertx, 10, () -> f.server.stats().map(s -> s.queuedMessages() == 0)));

        assertThat(f.inboundEvents).extracting(e -> e.message().id()).containsExactly("h-1", "h-2", "h-3", "h-4");
        assertThat(f.counters.unhandled()).isEqualTo(2);
    }
}
