package io.imbot.plugins.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.BotCommand;
import io.imbot.api.DeliveryException;
import io.imbot.testkit.BotTester;
import io.imbot.testkit.Dispatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which messages the bot answers, and how it leaves the rest to other bots. */
class CommandsBotTest {

    @Test
    void onMessage_commandInDirectMessage_answeredAndHandled() {
        RollBot roll = new RollBot();
        try (BotTester tester = BotTester.of(new CommandsBot(), roll).operators("alice").start()) {
            Dispatch dispatch = Inbound.direct(tester, "alice", "/status");

            assertThat(dispatch.texts()).singleElement().asString().startsWith("Up ");
            assertThat(dispatch.sent().get(0).to()).isEqualTo("alice");
            assertThat(dispatch.handledBy()).contains("commands");
            assertThat(roll.seen).isEmpty();
        }
    }

    @Test
    void onMessage_addressedInDirectMessage_answered() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "@bot /status")).singleElement().asString().startsWith("Up ");
        }
    }

    @Test
    void onMessage_addressedInRoom_answeredInRoom() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            for (String text : List.of("@bot /status", "  @bot: /status", "@bot,/status", "@bot/status", "bot: /status", "bot,/status")) {
                Dispatch dispatch = Inbound.inRoom(tester, "#lobby", "alice", text);

                assertThat(dispatch.texts()).as(text).singleElement().asString().startsWith("Up ");
                assertThat(dispatch.sent().get(0).to()).isEqualTo("#lobby");
                assertThat(dispatch.handled()).isTrue();
            }
        }
    }

    @Test
    void onMessage_roomCommandNotAddressedFirst_silentAndPassedOn() {
        RollBot roll = new RollBot();
        try (BotTester tester = BotTester.of(new CommandsBot(), roll).user("bot").operators("alice").start()) {
            List<String> texts = List.of("/status", "/status @bot", "hi @bot /status", "@bot-x /status", "@bots /status", "bot /status",
                    "@bot.x /status @bot");
            for (String text : texts) {
                Dispatch dispatch = Inbound.inRoom(tester, "#lobby", "alice", text);

                assertThat(dispatch.sent()).as(text).isEmpty();
                assertThat(dispatch.handled()).as(text).isFalse();
            }
            assertThat(roll.seen).containsExactlyElementsOf(texts);
        }
    }

    @Test
    void onMessage_unknownCommand_silentNotHandledSoLowerBotAnswers() {
        RollBot roll = new RollBot();
        try (BotTester tester = BotTester.of(new CommandsBot(), roll).operators("alice").start()) {
            Dispatch dispatch = Inbound.direct(tester, "alice", "/roll 2d6");

            assertThat(dispatch.seenBy()).containsExactly("commands", "RollBot");
            assertThat(dispatch.handledBy()).contains("RollBot");
            assertThat(dispatch.texts()).containsExactly("rolled 4");
        }
    }

    @Test
    void onMessage_notACommand_silentNotHandled() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            for (String text : List.of("hello", "status", "/", "/ help", "/usr/bin/env", "//help", "@bots /status",
                    "@bot status")) {
                Dispatch dispatch = Inbound.direct(tester, "alice", text);

                assertThat(dispatch.sent()).as(text).isEmpty();
                assertThat(dispatch.handled()).as(text).isFalse();
            }
        }
    }

    @Test
    void onMessage_nameInUpperCaseAndExtraBlanks_answered() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            assertThat(tester.say("alice", "  /STATUS  ")).singleElement().asString().startsWith("Up ");
            assertThat(tester.say("alice", "/History   2")).singleElement().asString().startsWith("Last 2 messages:");
        }
    }

    @Test
    void priority_aboveAutoreplyDefault_helpAnsweredBeforeLowerBot() {
        RollBot roll = new RollBot();
        try (BotTester tester = BotTester.of(roll, new CommandsBot()).operators("alice").start()) {
            Dispatch dispatch = Inbound.direct(tester, "alice", "/help");

            assertThat(new CommandsBot().priority()).isEqualTo(200).isGreaterThan(roll.priority());
            assertThat(dispatch.seenBy()).containsExactly("commands");
            assertThat(dispatch.texts()).singleElement().asString().startsWith("Commands:");
        }
    }

    @Test
    void onMessage_replyFails_loggedAndNothingThrown() {
        try (BotTester tester = BotTester.of(new CommandsBot()).operators("alice").start()) {
            tester.failSends(DeliveryException.Reason.TIMED_OUT);

            Dispatch dispatch = Inbound.direct(tester, "alice", "/status");

            assertThat(dispatch.handled()).isTrue();
            assertThat(tester.failures()).isEmpty();
            assertThat(tester.logs()).singleElement().satisfies(l -> {
                assertThat(l.level()).isEqualTo(System.Logger.Level.WARNING);
                assertThat(l.message()).contains("reply to /status in alice failed").contains("TIMED_OUT");
            });
        }
    }

    @Test
    void commands_ownThree_withUsageAndDescription() {
        assertThat(new CommandsBot().commands()).extracting(BotCommand::usage)
                .containsExactly("/help [command]", "/history [n]", "/status");
        assertThat(new CommandsBot().commands()).allSatisfy(c -> assertThat(c.description()).isNotBlank());
    }
}
