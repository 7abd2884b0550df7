package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.RuleMatch;
import io.imbot.testkit.BotTester;
import io.imbot.testkit.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainTest {

    private static final String RULES = """
            zone: UTC
            rules:
              - name: greeting
                keyword: [hello, hi]
                cooldown: 1m
                stop: false
                reply: ["Hello, {sender}!", "Hi {sender}"]
              - name: roll
                command: roll
                reply: "rolling {1}"
              - name: room-only
                exact: hello
                scope: mention
                reply: hello room
              - name: night
                exact: hello
                quietHours: {from: "00:00", to: "23:59"}
                reply: never
              - name: after-stop
                keyword: hello
                reply: unreachable
            """;

    @TempDir
    Path dir;

    @Test
    void explain_matchingRules_listedInOrderWithRenderedReply() {
        try (BotTester bot = Fixture.start(dir, RULES)) {
            List<RuleMatch> matches = bot.explain("alice", "hello");

            assertThat(matches).extracting(RuleMatch::rule).containsExactly("greeting", "night");
            assertThat(matches.get(0)).isEqualTo(new RuleMatch("greeting",
                    "keyword 'hello' found; reply 1 of 2 variants, picked at random", "Hello, alice!", false));
            assertThat(matches.get(1)).isEqualTo(new RuleMatch("night",
                    "exact 'hello'; silent: quiet hours 00:00-23:59 UTC", "", true));
        }
    }

    @Test
    void explain_roomWithoutMention_skipsMentionOnlyRules() {
        try (BotTester bot = Fixture.start(dir, RULES)) {
            assertThat(bot.explainInRoom("#lobby", "alice", "hello")).extracting(RuleMatch::rule)
                    .containsExactly("greeting", "night");
            List<RuleMatch> mentioned = bot.explainInRoom("#lobby", "alice", "@bot hello");
            assertThat(mentioned).extracting(RuleMatch::rule).containsExactly("greeting", "room-only");
            assertThat(mentioned.get(1).reply()).isEqualTo("hello room");
        }
    }

    @Test
    void explain_command_showsArgs() {
        try (BotTester bot = Fixture.start(dir, RULES)) {
            assertThat(bot.explain("alice", "/roll 2d6")).containsExactly(
                    new RuleMatch("roll", "command /roll with args '2d6'", "rolling 2d6", true));
        }
    }

    @Test
    void explain_duringCooldown_saysSoWithoutChangingIt() {
        ManualClock clock = new ManualClock();
        try (BotTester bot = Fixture.start(dir, clock, RULES)) {
            bot.say("alice", "hi");
            bot.advance(Duration.ofSeconds(35));

            RuleMatch greeting = bot.explain("alice", "hi").get(0);
            assertThat(greeting.reply()).isEmpty();
            assertThat(greeting.why()).isEqualTo("keyword 'hi' found; silent: cooldown, 25s left in this conversation");
            assertThat(bot.explain("bob", "hi").get(0).reply()).isEqualTo("Hello, bob!");

            bot.advance(Duration.ofSeconds(25));
            assertThat(bot.say("bob", "hi")).hasSize(1);
            assertThat(bot.say("alice", "hi")).hasSize(1);
        }
    }

    @Test
    void explain_noMatch_isEmptyAndSendsNothing() {
        try (BotTester bot = Fixture.start(dir, RULES)) {
            assertThat(bot.explain("alice", "nothing here")).isEmpty();
            assertThat(bot.sent()).isEmpty();
        }
    }
}
