package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import io.imbot.testkit.LogEntry;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A regex rule that backtracks without end is stopped, reported and disabled; the other rules go on. */
class SlowRegexTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(60) // before the deadline, this match ran for minutes
    void match_catastrophicBacktracking_stoppedReportedAndRuleDisabled() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - name: slow
                    regex: "(.*a){12}$"
                    reply: never
                  - exact: ping
                    reply: pong
                """)) {
            String evil = "a".repeat(36) + "!";

            assertThat(bot.say("alice", evil)).isEmpty();
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.say("alice", evil)).isEmpty();

            assertThat(bot.logs()).filteredOn(l -> l.message().contains("rule 'slow'")).singleElement()
                    .extracting(LogEntry::message).asString().contains("disabled until the rules file changes").contains("line 2");
        }
    }

    @Test
    void deadlineText_interruptedThread_stopsTheMatch() {
        Thread.currentThread().interrupt();
        try {
            DeadlineText text = new DeadlineText("a".repeat(36) + "!", Long.MAX_VALUE / 4);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Pattern.compile("(.*a){12}$").matcher(text).find())
                    .isInstanceOf(DeadlineText.TooSlow.class);
        } finally {
            Thread.interrupted();
        }
    }
}
