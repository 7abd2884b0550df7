package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchTypesTest {

    @TempDir
    Path dir;

    @Test
    void exact_anyCaseAndBlanks_matchesWholeTextOnly() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: [ping, "are you there?"]
                    reply: pong
                """)) {
            assertThat(bot.say("alice", "  PING ")).containsExactly("pong");
            assertThat(bot.say("alice", "are you there?")).containsExactly("pong");
            assertThat(bot.say("alice", "ping please")).isEmpty();
        }
    }

    @Test
    void exact_caseSensitive_requiresSameCase() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: Ping
                    caseSensitive: true
                    reply: pong
                """)) {
            assertThat(bot.say("alice", "ping")).isEmpty();
            assertThat(bot.say("alice", "Ping")).containsExactly("pong");
        }
    }

    @Test
    void keyword_wholeWordAnywhere_matchesAndFillsMatch() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - keyword: [hi, good morning]
                    reply: "{match} to you, {sender}"
                """)) {
            assertThat(bot.say("alice", "oh HI there")).containsExactly("HI to you, alice");
            assertThat(bot.say("bob", "Good Morning!")).containsExactly("Good Morning to you, bob");
            assertThat(bot.say("alice", "this is shiny")).isEmpty();
            assertThat(bot.say("alice", "hi_there")).isEmpty();
        }
    }

    @Test
    void prefix_withRest_fillsArgs() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - prefix: "!say"
                    reply: "{sender} says: {args}"
                """)) {
            assertThat(bot.say("alice", "!SAY  hello world ")).containsExactly("alice says: hello world");
            assertThat(bot.say("alice", "say !say")).isEmpty();
        }
    }

    @Test
    void regex_groups_fillNumberedAndNamedPlaceholders() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - regex: '(\\d+) (?<unit>cm|m) in inches'
                    reply: "{1} {unit}? ({0})"
                """)) {
            assertThat(bot.say("alice", "what is 12 cm in inches")).containsExactly("12 cm? (12 cm in inches)");
            assertThat(bot.say("alice", "12 km in inches")).isEmpty();
        }
    }

    @Test
    void regex_optionalGroupMissing_rendersEmpty() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - regex: '^thanks(?:,? (?<who>\\w+))?'
                    reply: "welcome[{who}]"
                """)) {
            assertThat(bot.say("alice", "thanks")).containsExactly("welcome[]");
            assertThat(bot.say("alice", "Thanks, bot")).containsExactly("welcome[bot]");
        }
    }

    @Test
    void command_withArgs_fillsArgsAndWords() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - command: /roll
                    reply: "rolling {1} then {2} ({args})"
                """)) {
            assertThat(bot.say("alice", "/roll 2d6  d20")).containsExactly("rolling 2d6 then d20 (2d6  d20)");
            assertThat(bot.say("alice", "/roll")).containsExactly("rolling  then  ()");
            assertThat(bot.say("alice", "/rolling 2d6")).isEmpty();
            assertThat(bot.say("alice", "roll 2d6")).isEmpty();
        }
    }

    @Test
    void commands_commandRules_listedWithUsageAndDescription() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - command: roll
                    description: rolls dice
                    reply: "{args}"
                  - command: help
                    usage: /help [topic]
                    reply: no help
                  - exact: ping
                    reply: pong
                """)) {
            assertThat(bot.commands()).extracting(c -> c.name() + "|" + c.usage() + "|" + c.description())
                    .containsExactly("help|/help [topic]|auto-reply rule 'command:/help'", "roll|/roll <args>|rolls dice");
        }
    }
}
