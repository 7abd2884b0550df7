package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DaemonStatus;
import io.imbot.testkit.BotTester;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    @Test
    void status_afterTraffic_showsUptimeCountersAndConnection() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            tester.say("alice", "hello");
            tester.say("alice", "/status");
            tester.advance(Duration.ofHours(2).plusMinutes(5));

            assertThat(tester.say("alice", "/status")).containsExactly("""
                    Up 2h 5m 0s, connected
                    Messages: 3 received, 1 sent, 0 pending""");
        }
    }

    @Test
    void status_withArguments_answersUsage() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "/status now")).containsExactly("Usage: /status");
        }
    }

    @Test
    void format_disconnectedWithPending_saysSo() {
        DaemonStatus status = new DaemonStatus(Duration.ofSeconds(42), 10, 12, 3, false);

        assertThat(StatusCommand.format(status)).isEqualTo("""
                Up 42s, NOT connected to the IM server
                Messages: 12 received, 10 sent, 3 pending""");
    }

    @Test
    void uptime_variousDurations_leadingZeroUnitsLeftOut() {
        assertThat(StatusCommand.uptime(Duration.ZERO)).isEqualTo("0s");
        assertThat(StatusCommand.uptime(Duration.ofMinutes(3))).isEqualTo("3m 0s");
        assertThat(StatusCommand.uptime(Duration.ofDays(1).plusMinutes(3))).isEqualTo("1d 0h 3m 0s");
        assertThat(StatusCommand.uptime(Duration.ofMillis(1999))).isEqualTo("1s");
    }
}
