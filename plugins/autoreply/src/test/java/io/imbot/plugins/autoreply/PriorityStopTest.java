package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import io.imbot.testkit.BotTester;
import io.imbot.testkit.Dispatch;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorityStopTest {

    /** Answers everything, at priority 50. */
    static final class FallbackBot implements ReplyBot {
        @Override
        public int priority() {
            return 50;
        }

        @Override
        public void onMessage(MessageEvent event) {
            event.reply("fallback");
        }
    }

    @TempDir
    Path dir;

    @Test
    void rules_higherPriorityFirst_firstStoppingRuleEndsEvaluation() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - name: generic
                    keyword: hello
                    reply: generic
                  - name: specific
                    exact: hello bot
                    priority: 10
                    reply: specific
                """)) {
            assertThat(bot.say("alice", "hello bot")).containsExactly("specific");
            assertThat(bot.say("alice", "hello")).containsExactly("generic");
        }
    }

    @Test
    void stopFalse_laterRulesAlsoAnswerAndMessageNotHandled() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - keyword: hello
                    stop: false
                    reply: first
                  - keyword: hello
                    name: second
                    reply: second
                """)) {
            assertThat(bot.say("alice", "hello")).containsExactly("first", "second");
        }
    }

    @Test
    void stoppingRule_marksHandled_lowerPriorityBotDoesNotAnswer() {
        Fixture.write(dir.resolve("autoreply.yaml"), """
                rules:
                  - exact: ping
                    reply: pong
                  - exact: psst
                    stop: false
                    reply: quiet
                """);
        AutoReplyBot autoreply = new AutoReplyBot(new SplittableRandom(1));
        try (BotTester bot = BotTester.of(new FallbackBot(), autoreply).configDir(dir).start()) {
            Dispatch ping = bot.receive(newMessage(bot, "ping"));
            assertThat(ping.texts()).containsExactly("pong");
            assertThat(ping.handledBy()).contains("autoreply");

            assertThat(bot.say("alice", "psst")).containsExactly("quiet", "fallback");
            assertThat(bot.say("alice", "other")).containsExactly("fallback");
        }
    }

    @Test
    void botPriority_fromFile_ordersAmongBots() {
        Fixture.write(dir.resolve("autoreply.yaml"), """
                priority: 10
                rules:
                  - exact: ping
                    reply: pong
                """);
        AutoReplyBot autoreply = new AutoReplyBot(new SplittableRandom(1));
        try (BotTester bot = BotTester.of(autoreply, new FallbackBot()).configDir(dir).start()) {
            assertThat(autoreply.priority()).isEqualTo(10);
            assertThat(bot.say("alice", "ping")).containsExactly("fallback", "pong");
        }
    }

    @Test
    void botPriority_notInFile_is100() {
        try (BotTester bot = Fixture.start(dir, "rules: []\n")) {
            assertThat(new AutoReplyBot().priority()).isEqualTo(100);
            assertThat(bot.say("alice", "ping")).isEmpty();
        }
    }

    private static io.imbot.api.ChatMessage newMessage(BotTester bot, String text) {
        return new io.imbot.api.ChatMessage("m-" + text, io.imbot.api.Direction.INBOUND, "alice", "alice", "bot",
                text, bot.now(), io.imbot.api.DeliveryStatus.RECEIVED);
    }
}
