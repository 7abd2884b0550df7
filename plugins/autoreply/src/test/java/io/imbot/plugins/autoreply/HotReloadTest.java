package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import io.imbot.testkit.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotReloadTest {

    private static final String PING = """
            rules:
              - exact: ping
                reply: pong
            """;

    @TempDir
    Path dir;

    @Test
    void poll_fileChanged_newRuleAnswersAfterNextPoll() {
        try (BotTester bot = Fixture.start(dir, PING)) {
            Fixture.write(dir.resolve("autoreply.yaml"), """
                    rules:
                      - exact: ping
                        reply: PONG
                      - exact: marco
                        reply: polo
                    """);
            bot.advance(AutoReplyBot.POLL_INTERVAL);

            assertThat(bot.say("alice", "marco")).containsExactly("polo");
            assertThat(bot.say("alice", "ping")).containsExactly("PONG");
            assertThat(bot.logs()).extracting(LogEntry::message).contains("reloaded 2 rules from " + dir.resolve("autoreply.yaml"));
        }
    }

    @Test
    void poll_sameSizeEdit_stillPickedUp() {
        try (BotTester bot = Fixture.start(dir, PING)) {
            Fixture.write(dir.resolve("autoreply.yaml"), PING.replace("pong", "gong"));
            bot.advance(AutoReplyBot.POLL_INTERVAL);

            assertThat(bot.say("alice", "ping")).containsExactly("gong");
        }
    }

    @Test
    void poll_brokenEdit_keepsOldRulesAndWarnsOnce() {
        Path file = dir.resolve("autoreply.yaml");
        try (BotTester bot = Fixture.start(dir, PING)) {
            Fixture.write(file, "rules:\n  - exact: ping\n    repy: pong\n");
            bot.advance(Duration.ofSeconds(3));

            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            List<LogEntry> warnings = bot.logs().stream().filter(l -> l.level() == System.Logger.Level.WARNING).toList();
            assertThat(warnings).extracting(LogEntry::message).containsExactly(
                    file + ":3:5: unknown key 'repy' in rule #1 (did you mean 'reply'?); keeping the 1 rule loaded before");

            Fixture.write(file, PING.replace("pong", "fixed"));
            bot.advance(AutoReplyBot.POLL_INTERVAL);
            assertThat(bot.say("alice", "ping")).containsExactly("fixed");
        }
    }

    @Test
    void start_brokenFile_noRulesErrorLoggedThenFixedFileLoads() {
        Path file = dir.resolve("autoreply.yaml");
        try (BotTester bot = Fixture.start(dir, "rules:\n  - exact: ping\n    reply: [pong\n")) {
            assertThat(bot.say("alice", "ping")).isEmpty();
            assertThat(bot.logs()).singleElement().satisfies(l -> {
                assertThat(l.level()).isEqualTo(System.Logger.Level.ERROR);
                assertThat(l.message()).startsWith(file + ":4:1: invalid YAML").endsWith("; no auto-replies until the file is fixed");
            });

            Fixture.write(file, PING);
            bot.advance(AutoReplyBot.POLL_INTERVAL);
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }

    @Test
    void start_missingFile_warnsThenPicksUpCreatedFile() throws Exception {
        try (BotTester bot = BotTester.of(new AutoReplyBot(new SplittableRandom(1)))
                .configDir(dir).config(Map.of("rules", "sub/rules.yaml")).start()) {
            assertThat(bot.logs()).extracting(LogEntry::message)
                    .containsExactly("rules file " + dir.resolve("sub/rules.yaml") + " not found; no auto-replies until it is created");

            Files.createDirectories(dir.resolve("sub"));
            Fixture.write(dir.resolve("sub/rules.yaml"), PING);
            bot.advance(AutoReplyBot.POLL_INTERVAL);
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }

    @Test
    void poll_fileDeleted_keepsRules() throws Exception {
        try (BotTester bot = Fixture.start(dir, PING)) {
            Files.delete(dir.resolve("autoreply.yaml"));
            bot.advance(Duration.ofSeconds(2));

            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.logs()).extracting(LogEntry::message).contains(
                    "rules file " + dir.resolve("autoreply.yaml") + " is gone; keeping the 1 rule loaded before");
        }
    }

    @Test
    void config_absoluteRulesPathAndUnknownKey_usedAndWarned(@TempDir Path elsewhere) {
        Path file = elsewhere.resolve("mine.yaml");
        Fixture.write(file, PING);
        try (BotTester bot = BotTester.of(new AutoReplyBot(new SplittableRandom(1)))
                .configDir(dir).config(Map.of("rules", file.toString(), "rule", "x")).start()) {
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.logs()).extracting(LogEntry::message).contains(
                    "unknown setting 'rule' in the autoreply plugin configuration (known: rules); ignored");
        }
    }

    @Test
    void stop_cancelsPolling() {
        BotTester bot = Fixture.start(dir, PING);
        assertThat(bot.scheduledTasks()).isEqualTo(1);
        bot.close();
        assertThat(bot.scheduledTasks()).isZero();
    }
}
