package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.BotContext;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import io.imbot.testkit.TestBots.BrokenBot;
import io.imbot.testkit.TestBots.EchoBot;
import io.imbot.testkit.TestBots.PingBot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BotTesterFailureTest {

    @Test
    void say_botThrowsStrict_failsWithAssertionAfterOtherBotsRan() {
        EchoBot echo = new EchoBot();
        try (BotTester tester = BotTester.of(new BrokenBot(), echo).start()) {
            assertThatThrownBy(() -> tester.say("alice", "hi"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("BrokenBot")
                    .hasRootCauseMessage("broken on purpose");
            assertThat(echo.seen).hasSize(1);
        }
    }

    @Test
    void say_botThrowsLenient_recordsFailureAndLogsLikeDaemon() {
        try (BotTester tester = BotTester.of(new BrokenBot(), new EchoBot()).lenient().start()) {
            assertThat(tester.say("alice", "hi")).containsExactly("echo: hi");

            assertThat(tester.failures()).singleElement()
                    .satisfies(f -> assertThat(f.bot()).isEqualTo("BrokenBot"))
                    .satisfies(f -> assertThat(f.during()).isEqualTo("onMessage in-1"));
            assertThat(tester.logs()).singleElement()
                    .satisfies(l -> assertThat(l.level()).isEqualTo(System.Logger.Level.ERROR));
        }
    }

    @Test
    void advance_scheduledTaskThrowsStrict_failsAndKeepsPeriodicTask() {
        ReplyBot bot = new ReplyBot() {
            @Override
            public void start(BotContext context) {
                context.scheduleEvery(Duration.ofSeconds(1), () -> {
                    throw new IllegalStateException("tick failed");
                });
            }

            @Override
            public void onMessage(MessageEvent event) {}
        };
        try (BotTester tester = BotTester.of(bot).start()) {
            assertThatThrownBy(() -> tester.advance(Duration.ofSeconds(1))).hasRootCauseMessage("tick failed");
            assertThat(tester.scheduledTasks()).isEqualTo(1);
        }
    }

    @Test
    void start_botRefuses_throwsAndStopsBotsStartedBefore() {
        PingBot first = new PingBot();
        ReplyBot refusing = new ReplyBot() {
            @Override
            public void start(BotContext context) throws Exception {
                throw new java.io.IOException("no config");
            }

            @Override
            public void onMessage(MessageEvent event) {}
        };
        assertThatThrownBy(() -> BotTester.of(first, refusing).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused to start")
                .hasMessageContaining("no config");
        assertThat(first.stopped).isTrue();
    }

    @Test
    void close_defaultFolders_stopsBotsAndDeletesThem() throws Exception {
        PingBot bot = new PingBot();
        BotTester tester = BotTester.of(bot).start();
        Path data = bot.context.dataDir();
        Files.writeString(data.resolve("state.txt"), "x");
        Path conf = bot.context.configDir();

        tester.close();

        assertThat(bot.stopped).isTrue();
        assertThat(data).doesNotExist();
        assertThat(conf).doesNotExist();
        assertThatThrownBy(() -> tester.say("alice", "ping")).hasMessageContaining("closed");
    }

    @Test
    void logger_withParameters_capturesFormattedLine() {
        PingBot bot = new PingBot();
        try (BotTester tester = BotTester.of(bot).pluginId("demo").start()) {
            bot.context.logger().log(System.Logger.Level.WARNING, "loaded {0} rules", 3);

            assertThat(tester.logs()).singleElement().satisfies(l -> {
                assertThat(l.logger()).isEqualTo("demo");
                assertThat(l.message()).isEqualTo("loaded 3 rules");
            });
        }
    }
}
