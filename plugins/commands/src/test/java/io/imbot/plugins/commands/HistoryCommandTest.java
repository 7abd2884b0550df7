package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import io.imbot.testkit.Dispatch;
import io.imbot.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryCommandTest {

    @Test
    void history_noArgument_lastTenWithoutTheCommandItself() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            for (int i = 1; i <= 12; i++) {
                tester.say("alice", "m" + i);
            }

            String reply = tester.say("alice", "/history").get(0);

            assertThat(reply.lines()).hasSize(11).first().isEqualTo("Last 10 messages:");
            assertThat(reply.lines().skip(1)).first().isEqualTo("12:00 alice: m3");
            assertThat(reply.lines()).last().isEqualTo("12:00 alice: m12");
        }
    }

    @Test
    void history_count_showsTimeSenderAndTextOfBothDirections() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            tester.say("alice", "hi");
            tester.advance(Duration.ofMinutes(1));
            tester.say("alice", "/status");
            tester.advance(Duration.ofMinutes(1));

            assertThat(tester.say("alice", "/history 3")).containsExactly("""
                    Last 3 messages:
                    12:00 alice: hi
                    12:01 alice: /status
                    12:01 bot: Up 1m 0s, connected Messages: 2 received, 0 sent, 0 pending""");
        }
    }

    @Test
    void history_messageFromEarlierDay_showsDate() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            tester.say("alice", "yesterday's news");
            tester.advance(Duration.ofDays(1));

            assertThat(tester.say("alice", "/history 1"))
                    .containsExactly("Last 1 message:\n2024-01-01 12:00 alice: yesterday's news");
        }
    }

    @Test
    void history_contextClockZone_timesShownInThatZone() {
        ManualClock tokyo = new ManualClock(Instant.parse("2024-01-01T12:00:00Z"), ZoneId.of("Asia/Tokyo"));
        try (BotTester tester = BotTester.of(new CommandsBot()).clock(tokyo).operators("alice").start()) {
            tester.say("alice", "konbanwa");

            assertThat(tester.say("alice", "/history 1")).containsExactly("Last 1 message:\n21:00 alice: konbanwa");
        }
    }

    @Test
    void history_badArguments_answersRangeAndUsageAndHandles() {
        RollBot lower = new RollBot();
        try (BotTester tester = BotTester.of(new CommandsBot(), lower).operators("alice").start()) {
            assertThat(tester.say("alice", "/history abc"))
                    .containsExactly("n must be a whole number from 1 to 50, was 'abc'. Usage: /history [n]");
            assertThat(tester.say("alice", "/history 0"))
                    .containsExactly("n must be a whole number from 1 to 50, was 0. Usage: /history [n]");
            assertThat(tester.say("alice", "/history 9999"))
                    .containsExactly("n must be a whole number from 1 to 50, was 9999. Usage: /history [n]");
            for (String args : List.of("-1", "2.5", "99999999999", "5 6")) {
                Dispatch dispatch = Inbound.direct(tester, "alice", "/history " + args);
                assertThat(dispatch.texts()).as(args).singleElement().asString()
                        .startsWith("n must be a whole number from 1 to 50, was '" + args + "'");
                assertThat(dispatch.handled()).isTrue();
            }
            assertThat(lower.seen).isEmpty();
        }
    }

    @Test
    void history_fifty_showsAtMostFifty() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            for (int i = 1; i <= 60; i++) {
                tester.say("alice", "m" + i);
            }

            String reply = tester.say("alice", "/history 50").get(0);

            assertThat(reply.lines()).hasSize(51).first().isEqualTo("Last 50 messages:");
            assertThat(reply.lines()).element(1).isEqualTo("12:00 alice: m11");
        }
    }

    @Test
    void history_inRoom_showsOnlyThatRoom() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            tester.say("alice", "private");
            tester.sayInRoom("#lobby", "bob", "public");
            tester.sayInRoom("#other", "carol", "elsewhere");

            assertThat(tester.sayInRoom("#lobby", "alice", "@bot /history"))
                    .containsExactly("Last 1 message:\n12:00 bob: public");
        }
    }

    @Test
    void history_newConversation_saysThereIsNothing() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "/history")).containsExactly("No messages in this conversation yet.");
        }
    }

    @Test
    void oneLine_longMultiLineText_flattenedAndCut() {
        assertThat(HistoryCommand.oneLine("a\r\nb\n\nc")).isEqualTo("a b c");
        String cut = HistoryCommand.oneLine("x".repeat(300));
        assertThat(cut).hasSize(HistoryCommand.MAX_TEXT_CHARS).endsWith("x…");
        assertThat(HistoryCommand.oneLine("😀".repeat(150))).isEqualTo("😀".repeat(150));
    }
}
