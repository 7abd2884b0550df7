package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.ChatMessage;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.Direction;
import io.imbot.api.RuleMatch;
import io.imbot.testkit.TestBots.EchoBot;
import io.imbot.testkit.TestBots.PingBot;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BotTesterMessagingTest {

    @Test
    void say_ping_returnsPongSentToSender() {
        try (BotTester tester = BotTester.of(new PingBot()).start()) {
            assertThat(tester.say("alice", "ping")).containsExactly("pong");
            ChatMessage reply = tester.sent().get(0);
            assertThat(reply.to()).isEqualTo("alice");
            assertThat(reply.from()).isEqualTo("bot");
            assertThat(reply.status()).isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        }
    }

    @Test
    void say_fromBotUser_storedButShownToNoBot() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).user("robo").start()) {
            assertThat(tester.say("robo", "ping")).isEmpty();
            assertThat(bot.seen).isEmpty();
            assertThat(tester.history("robo")).hasSize(1);
        }
    }

    @Test
    void sayInRoom_mentionOrNot_repliesToRoomAndReportsMention() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).user("bot").start()) {
            tester.sayInRoom("#lobby", "alice", "hi @bot, ping me");
            tester.sayInRoom("#lobby", "alice", "mail bob@bot.org or @bots or @Bot");
            tester.sayInRoom("#lobby", "alice", "ping");

            assertThat(bot.seen).extracting(e -> e.mentionsBot()).containsExactly(true, false, false);
            assertThat(tester.sent()).extracting(ChatMessage::to).containsExactly("#lobby");
            assertThat(tester.history("#lobby")).extracting(ChatMessage::direction)
                    .containsExactly(Direction.INBOUND, Direction.INBOUND, Direction.INBOUND, Direction.OUTBOUND);
        }
    }

    @Test
    void sayInRoom_edgeCases_followChatMessageMentions() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).user("bot").start()) {
            List<String> texts = List.of("thanks @bot.", "@bot-x hi", "@bot.x hi", "(@bot)", "x@bot");
            texts.forEach(t -> tester.sayInRoom("#lobby", "alice", t));

            assertThat(bot.seen).extracting(e -> e.mentionsBot()).containsExactly(true, false, false, true, false);
            assertThat(bot.seen).allSatisfy(e -> assertThat(e.mentionsBot()).isEqualTo(e.message().mentions("bot")));
        }
    }

    @Test
    void say_directMessage_alwaysMentionsBot() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "hello");
            assertThat(bot.seen.get(0).mentionsBot()).isTrue();
        }
    }

    @Test
    void receive_higherPriorityBotHandles_lowerBotDoesNotSeeIt() {
        EchoBot echo = new EchoBot();
        PingBot ping = new PingBot();
        try (BotTester tester = BotTester.of(echo, ping).start()) {
            List<String> replies = tester.say("alice", "ping");

            assertThat(replies).containsExactly("pong");
            assertThat(echo.seen).isEmpty();
        }
    }

    @Test
    void receive_notHandled_everyBotAnswersInPriorityOrder() {
        try (BotTester tester = BotTester.of(new EchoBot(), new PingBot()).start()) {
            Dispatch dispatch = tester.receive(newMessage("m-1", "hello"));

            assertThat(dispatch.seenBy()).containsExactly("PingBot", "EchoBot");
            assertThat(dispatch.handled()).isFalse();
            assertThat(dispatch.texts()).containsExactly("echo: hello");
        }
    }

    @Test
    void receive_sameIdTwice_shownToBotsOnce() {
        EchoBot echo = new EchoBot();
        try (BotTester tester = BotTester.of(echo).start()) {
            tester.receive(newMessage("m-1", "hello"));
            Dispatch again = tester.receive(newMessage("m-1", "hello"));

            assertThat(again.seenBy()).isEmpty();
            assertThat(echo.seen).hasSize(1);
        }
    }

    @Test
    void failSends_timedOut_replyFailsAndIsStoredTimedOut() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.failSends(DeliveryException.Reason.TIMED_OUT);
            tester.say("alice", "ping");

            assertThat(tester.sent().get(0).status()).isEqualTo(DeliveryStatus.TIMED_OUT);
            assertThatThrownBy(() -> bot.context.send("alice", "x").toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.TIMED_OUT));

            tester.acknowledgeSends();
            assertThat(bot.context.send("alice", "y").toCompletableFuture().join().status())
                    .isEqualTo(DeliveryStatus.ACKNOWLEDGED);
        }
    }

    @Test
    void send_emptyText_failsInvalidAndStoresNothing() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            assertThatThrownBy(() -> bot.context.send("alice", "").toCompletableFuture().join())
                    .cause().isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.reason()).isEqualTo(DeliveryException.Reason.INVALID));
            assertThat(tester.sent()).isEmpty();
        }
    }

    @Test
    void contextHistory_limit_returnsLatestOldestFirst() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "one");
            tester.say("alice", "ping");

            List<ChatMessage> latest = bot.context.history("alice", 2).toCompletableFuture().join();
            assertThat(latest).extracting(ChatMessage::body).containsExactly("ping", "pong");
            assertThatThrownBy(() -> bot.context.history("alice", 0).toCompletableFuture().join())
                    .cause().isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void explain_stoppingBot_skipsLowerBots() {
        try (BotTester tester = BotTester.of(new EchoBot(), new PingBot()).start()) {
            assertThat(tester.explain("alice", "ping")).extracting(RuleMatch::rule).containsExactly("ping");
            assertThat(tester.explainInRoom("#a", "alice", "hi")).extracting(RuleMatch::rule).containsExactly("echo");
            assertThat(tester.sent()).isEmpty();
        }
    }

    @Test
    void commands_twoBots_sortedByName() {
        try (BotTester tester = BotTester.of(new PingBot(), new EchoBot()).start()) {
            assertThat(tester.commands()).extracting(c -> c.name()).containsExactly("echo", "ping");
        }
    }

    @Test
    void status_afterTraffic_countsReceivedAndAcknowledged() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "ping");
            tester.say("alice", "other");

            assertThat(bot.context.status().received()).isEqualTo(2);
            assertThat(bot.context.status().sent()).isEqualTo(1);
        }
    }

    @Test
    void config_givenMap_isWhatTheBotReads() {
        PingBot bot = new PingBot();
        java.util.Map<String, Object> config = new java.util.HashMap<>();
        config.put("rules", "x.yaml");
        config.put("empty", null);
        try (BotTester tester = BotTester.of(bot).pluginId("autoreply").config(config).start()) {
            assertThat(bot.context.config()).containsEntry("rules", "x.yaml").containsKey("empty");
            assertThat(bot.context.pluginId()).isEqualTo("autoreply");
            assertThatThrownBy(() -> bot.context.config().put("a", 1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void of_noBots_throwsNamingArgument() {
        assertThatThrownBy(BotTester::of).hasMessageContaining("bots");
        assertThatThrownBy(() -> BotTester.of(new PingBot()).user("#room")).hasMessageContaining("botUser");
    }

    private static ChatMessage newMessage(String id, String text) {
        return new ChatMessage(id, Direction.INBOUND, "alice", "alice", "bot", text,
                ManualClock.DEFAULT_START, DeliveryStatus.RECEIVED);
    }
}
