package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import io.imbot.testkit.TestBots.PingBot;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BotTesterRedeliveryTest {

    /** Files a ticket per message; on a redelivery it checks its own records first, as a careful bot does. */
    static final class TicketBot implements ReplyBot {
        final Set<String> filed = new HashSet<>();
        int ticketsFiled;

        @Override
        public void onMessage(MessageEvent event) {
            if (!event.redelivered() || !filed.contains(event.message().id())) {
                filed.add(event.message().id());
                ticketsFiled++;
            }
            event.reply("ticket filed for: " + event.text());
        }
    }

    @Test
    void redeliver_storedMessage_everyBotSeesItAgainMarkedRedelivered() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            Dispatch first = tester.receive(new ChatMessage("m-1", Direction.INBOUND, "alice", "alice", "bot", "ping",
                    Instant.EPOCH, DeliveryStatus.RECEIVED));

            Dispatch again = tester.redeliver(first.message());

            assertThat(first.texts()).containsExactly("pong");
            assertThat(again.texts()).containsExactly("pong");
            assertThat(again.seenBy()).containsExactly(bot.name());
            assertThat(bot.seen).extracting(MessageEvent::redelivered).containsExactly(false, true);
            assertThat(tester.history("alice")).filteredOn(m -> m.direction() == Direction.INBOUND).hasSize(1);
        }
    }

    @Test
    void redeliver_botChecksTheFlag_sideEffectHappensOnce() {
        TicketBot bot = new TicketBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "printer on fire");
            ChatMessage message = tester.history("alice").get(0);

            tester.redeliver(message);

            assertThat(bot.ticketsFiled).isEqualTo(1);
        }
    }

    @Test
    void receive_sameIdTwice_secondIsIgnoredNotRedelivered() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            ChatMessage m = new ChatMessage("m-2", Direction.INBOUND, "alice", "alice", "bot", "ping", Instant.EPOCH,
                    DeliveryStatus.RECEIVED);
            tester.receive(m);

            assertThat(tester.receive(m).seenBy()).isEmpty();
            assertThat(bot.seen).hasSize(1);
        }
    }

    @Test
    void redeliver_messageNeverReceived_failsNamingIt() {
        try (BotTester tester = BotTester.of(new PingBot()).start()) {
            ChatMessage unknown = new ChatMessage("never", Direction.INBOUND, "alice", "alice", "bot", "ping", Instant.EPOCH,
                    DeliveryStatus.RECEIVED);

            assertThatThrownBy(() -> tester.redeliver(unknown)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never");
        }
    }
}
