package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import io.imbot.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CooldownQuietHoursTest {

    private static final String QUIET_AT_NIGHT = """
            quietHours: {from: "22:00", to: "07:00", zone: Europe/Berlin}
            rules:
              - exact: ping
                reply: pong
            """;

    @TempDir
    Path dir;

    @Test
    void cooldown_withinPeriod_silentThenAnswersAgain() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - keyword: hello
                    cooldown: 1m
                    reply: hi
                """)) {
            assertThat(bot.say("alice", "hello")).containsExactly("hi");
            bot.advance(Duration.ofSeconds(59));
            assertThat(bot.say("alice", "hello")).isEmpty();
            bot.advance(Duration.ofSeconds(1));
            assertThat(bot.say("alice", "hello")).containsExactly("hi");
        }
    }

    @Test
    void cooldown_perConversation_otherConversationsUnaffected() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - keyword: hello
                    cooldown: 5m
                    reply: hi
                """)) {
            assertThat(bot.say("alice", "hello")).containsExactly("hi");
            assertThat(bot.say("bob", "hello")).containsExactly("hi");
            assertThat(bot.sayInRoom("#lobby", "alice", "hello")).containsExactly("hi");
            assertThat(bot.sayInRoom("#lobby", "bob", "hello")).isEmpty();
        }
    }

    @Test
    void cooldown_silencedStoppingRule_stillStopsLaterRules() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - keyword: hello
                    cooldown: 1m
                    reply: hi
                  - regex: '.*'
                    name: fallback
                    reply: what?
                """)) {
            assertThat(bot.say("alice", "hello")).containsExactly("hi");
            assertThat(bot.say("alice", "hello")).isEmpty();
            assertThat(bot.say("alice", "other")).containsExactly("what?");
        }
    }

    @Test
    void quietHours_global_silentFromStartOfSpan() {
        ManualClock clock = ManualClock.at("2024-06-01T19:59:00Z"); // 21:59 in Berlin (summer time)
        try (BotTester bot = Fixture.start(dir, clock, QUIET_AT_NIGHT)) {
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            bot.advance(Duration.ofMinutes(1)); // 22:00
            assertThat(bot.say("alice", "ping")).isEmpty();
        }
    }

    @Test
    void quietHours_global_overMidnightUntilEndOfSpan() {
        ManualClock clock = ManualClock.at("2024-06-02T04:59:00Z"); // 06:59 in Berlin
        try (BotTester bot = Fixture.start(dir, clock, QUIET_AT_NIGHT)) {
            assertThat(bot.say("alice", "ping")).isEmpty();
            bot.advance(Duration.ofMinutes(1)); // 07:00
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }

    @Test
    void quietHours_ruleOverridesAndOptsOut() {
        ManualClock clock = ManualClock.at("2024-01-01T12:30:00Z");
        try (BotTester bot = Fixture.start(dir, clock, """
                zone: UTC
                quietHours: {from: "12:00", to: "13:00"}
                rules:
                  - exact: urgent
                    quietHours: off
                    reply: on it
                  - exact: lunch
                    quietHours: {from: "14:00", to: "15:00"}
                    reply: eating
                  - exact: ping
                    reply: pong
                """)) {
            assertThat(bot.say("alice", "urgent")).containsExactly("on it");
            assertThat(bot.say("alice", "lunch")).containsExactly("eating");
            assertThat(bot.say("alice", "ping")).isEmpty();
        }
    }

    @Test
    void quietHours_cooldownNotStartedWhileQuiet() {
        ManualClock clock = ManualClock.at("2024-01-01T06:59:30Z");
        try (BotTester bot = Fixture.start(dir, clock, """
                zone: UTC
                rules:
                  - exact: ping
                    cooldown: 10m
                    quietHours: {from: "22:00", to: "07:00"}
                    reply: pong
                """)) {
            assertThat(bot.say("alice", "ping")).isEmpty();
            bot.advance(Duration.ofSeconds(30));
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }
}
