package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import org.junit.jupiter.api.Test;

/** Operator-only commands ({@code /status}): refused to others, and missing from their {@code /help}. */
class OperatorsTest {

    @Test
    void status_fromSomeoneElse_refused_helpOmitsIt_anOperatorGetsBoth() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice", "irc/carol").start()) {
            assertThat(tester.say("bob", "/status")).containsExactly("Only the daemon's operators may use /status.");
            assertThat(tester.say("bob", "/help")).singleElement().asString().doesNotContain("/status").contains("/history");
            assertThat(tester.say("carol", "/status")).as("carol is an operator on irc only")
                    .containsExactly("Only the daemon's operators may use /status.");

            assertThat(tester.say("alice", "/status")).singleElement().asString().startsWith("Up ");
            assertThat(tester.say("alice", "/help")).singleElement().asString().contains("/status");
        }
    }
}
