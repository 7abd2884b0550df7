package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import org.junit.jupiter.api.Test;

class HelpCommandTest {

    @Test
    void help_twoBots_listsEveryCommandByNameWithDescription() {
        try (BotTester tester = BotTester.of(new CommandsBot(), new RollBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "/help")).containsExactly("""
                    Commands:
                    /help [command] - lists the commands of every bot, or describes one
                    /history [n] - shows the last n messages of this conversation (default 10, at most 50)
                    /roll <dice> - rolls dice
                    /status - shows uptime, messages sent and received, pending deliveries and the connection""");
        }
    }

    @Test
    void help_inRoom_endsWithHowToAddressTheBot() {
        try (BotTester tester = BotTester.of(new CommandsBot()).user("robo").operators("alice").start()) {
            assertThat(tester.sayInRoom("#lobby", "alice", "@robo /help")).singleElement().asString()
                    .startsWith("Commands:\n/help [command]")
                    .endsWith("\nIn a room, address me first: @robo /help");
        }
    }

    @Test
    void help_oneCommand_describesOnlyIt() {
        try (BotTester tester = BotTester.of(new CommandsBot(), new RollBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "/help roll")).containsExactly("/roll <dice> - rolls dice");
            assertThat(tester.say("alice", "/help /HISTORY")).singleElement().asString().startsWith("/history [n] - ");
        }
    }

    @Test
    void help_commandNobodyOffers_saysSo() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "/help dance")).containsExactly("No bot offers /dance. Send /help for the list.");
        }
    }

    @Test
    void help_twoArguments_answersUsage() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "/help a b")).containsExactly("Usage: /help [command]");
        }
    }
}
