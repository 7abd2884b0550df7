package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.ChatMessage;
import io.imbot.api.Conversation;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.testkit.TestBots.PingBot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code BotContext.conversations} in the tester: the same summary the daemon's history keeps. */
class BotTesterConversationsTest {

    private static List<Conversation> conversations(PingBot bot, int limit) {
        return bot.context.conversations(limit).toCompletableFuture().join();
    }

    @Test
    void contextConversations_directAndRoomTraffic_latestOfEachNewestFirst() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "ping");
            Instant alicesReply = tester.now();
            tester.advance(Duration.ofMinutes(1));
            tester.say("bob", "one");
            tester.say("bob", "two");
            tester.advance(Duration.ofMinutes(1));
            tester.sayInRoom("#lobby", "carol", "x".repeat(300));

            List<Conversation> all = conversations(bot, 10);

            assertThat(all).extracting(Conversation::conversation).containsExactly("#lobby", "bob", "alice");
            assertThat(all.get(2)).isEqualTo(new Conversation("alice", "out-1", Direction.OUTBOUND, "bot", "pong", alicesReply, 2, 0));
            assertThat(all.get(1)).extracting(Conversation::lastId, Conversation::lastSender, Conversation::lastPreview,
                    Conversation::messageCount, Conversation::unanswered).containsExactly("in-3", "bob", "two", 2L, 2L);
            assertThat(all.get(0).lastPreview()).isEqualTo("x".repeat(Conversation.PREVIEW_CHARS));
            assertThat(all.get(0).lastAt()).isEqualTo(tester.now());
            assertThat(conversations(bot, 1)).extracting(Conversation::conversation).containsExactly("#lobby");
        }
    }

    @Test
    void contextConversations_inAndOutSequence_unansweredCountsInboundSinceLastReply() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "one");
            tester.say("alice", "two");
            assertThat(conversations(bot, 10).get(0).unanswered()).isEqualTo(2);

            tester.say("alice", "ping");
            assertThat(conversations(bot, 10).get(0).unanswered()).isZero();

            tester.say("alice", "three");
            bot.context.send("alice", "a message of the bot's own");
            bot.context.send("alice", "and another");
            tester.say("alice", "four");

            assertThat(conversations(bot, 10).get(0)).extracting(Conversation::messageCount, Conversation::unanswered)
                    .containsExactly(8L, 1L);
        }
    }

    @Test
    void contextConversations_redeliveredMessage_countedOnce() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            ChatMessage m = new ChatMessage("x1", Direction.INBOUND, "alice", "alice", "bot", "hello",
                    ManualClock.DEFAULT_START, DeliveryStatus.RECEIVED);

            tester.receive(m);
            tester.receive(m);

            assertThat(conversations(bot, 10)).singleElement()
                    .extracting(Conversation::messageCount, Conversation::unanswered).containsExactly(1L, 1L);
        }
    }

    @Test
    void contextConversations_limitOutOfRange_failsWithIllegalArgument() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            assertThatThrownBy(() -> conversations(bot, 0)).cause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("limit");
            assertThatThrownBy(() -> conversations(bot, 1001)).cause().isInstanceOf(IllegalArgumentException.class);
            assertThat(conversations(bot, 1000)).isEmpty();
        }
    }
}
