package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.BotContext;
import io.imbot.api.Cancellable;
import io.imbot.api.ConnectionChange;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.DeliveryUpdate;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotTesterListenerTest {

    /** Answers "ok" and records what its listeners hear, and whether they ran inside onMessage. */
    static final class ListeningBot implements ReplyBot {
        final List<DeliveryUpdate> updates = new ArrayList<>();
        final List<ConnectionChange> changes = new ArrayList<>();
        boolean insideOnMessage;
        boolean heardInsideOnMessage;
        Cancellable connectionListener;

        @Override
        public void start(BotContext context) {
            context.onDeliveryStatus(u -> {
                heardInsideOnMessage |= insideOnMessage;
                updates.add(u);
            });
            connectionListener = context.onConnectionChange(changes::add);
        }

        @Override
        public void onMessage(MessageEvent event) {
            insideOnMessage = true;
            event.reply("ok");
            insideOnMessage = false;
        }
    }

    @Test
    void onDeliveryStatus_replyAcknowledged_hearsPendingThenAcknowledgedAfterOnMessage() {
        ListeningBot bot = new ListeningBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "hi");

            String id = tester.sent().get(0).id();
            assertThat(bot.updates).extracting(DeliveryUpdate::messageId).containsOnly(id);
            assertThat(bot.updates).extracting(DeliveryUpdate::status).containsExactly(DeliveryStatus.PENDING, DeliveryStatus.ACKNOWLEDGED);
            assertThat(bot.updates).extracting(DeliveryUpdate::to).containsOnly("alice");
            assertThat(bot.heardInsideOnMessage).isFalse();
        }
    }

    @Test
    void onDeliveryStatus_sendTimesOut_hearsTimedOutWithReason() {
        ListeningBot bot = new ListeningBot();
        try (BotTester tester = BotTester.of(bot).lenient().start()) {
            tester.failSends(DeliveryException.Reason.TIMED_OUT);
            tester.say("alice", "hi");

            assertThat(bot.updates).extracting(DeliveryUpdate::status).containsExactly(DeliveryStatus.PENDING, DeliveryStatus.TIMED_OUT);
            assertThat(bot.updates.get(1).reason()).isEqualTo(DeliveryException.Reason.TIMED_OUT);
        }
    }

    @Test
    void onDeliveryStatus_sendRefusedUpFront_hearsNothing() {
        ListeningBot bot = new ListeningBot();
        try (BotTester tester = BotTester.of(bot).lenient().start()) {
            tester.failSends(DeliveryException.Reason.RATE_LIMITED);
            tester.say("alice", "hi");

            assertThat(bot.updates).isEmpty();
        }
    }

    @Test
    void onConnectionChange_downThenUp_hearsBothUntilCancelled() {
        ListeningBot bot = new ListeningBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.connectionChange(new ConnectionChange(ConnectionChange.State.DOWN, "server went away"));
            tester.connectionChange(new ConnectionChange(ConnectionChange.State.UP, ""));
            bot.connectionListener.cancel();
            tester.connectionChange(new ConnectionChange(ConnectionChange.State.DOWN, "again"));

            assertThat(bot.changes).extracting(ConnectionChange::state)
                    .containsExactly(ConnectionChange.State.DOWN, ConnectionChange.State.UP);
            assertThat(bot.changes.get(0).reason()).isEqualTo("server went away");
        }
    }
}
