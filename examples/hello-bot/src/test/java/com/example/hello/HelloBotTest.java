package com.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * BotTester runs the bot as the daemon would (start, priorities, markHandled, replies) without a
 * network, a database or threads: say something, get back what the bots answered.
 */
class HelloBotTest {

    @Test
    void onMessage_helloInDirectMessage_greetsSender() {
        try (BotTester tester = BotTester.of(new HelloBot()).start()) {
            assertThat(tester.say("alice", "Hello")).containsExactly("Hello, alice!");
        }
    }

    @Test
    void onMessage_helloInRoom_answersOnlyWhenAddressed() {
        // user(...) is the name the daemon logs in as; "bot" is the default.
        try (BotTester tester = BotTester.of(new HelloBot()).user("robo").start()) {
            assertThat(tester.sayInRoom("#lobby", "alice", "hello")).isEmpty();
            assertThat(tester.sayInRoom("#lobby", "alice", "@robo: hello")).containsExactly("Hello, alice!");
            assertThat(tester.sent().get(0).to()).isEqualTo("#lobby"); // a room message is answered in the room
        }
    }

    @Test
    void onMessage_rollWithSeededRandom_rollsTheSameEveryRun() {
        int expected = new SplittableRandom(7).nextInt(1, 21);
        try (BotTester tester = BotTester.of(new HelloBot(new SplittableRandom(7))).start()) {
            assertThat(tester.say("alice", "/roll 20")).containsExactly("alice rolls " + expected + " (1-20)");
        }
    }

    @Test
    void onMessage_rollBadSides_answersUsage() {
        try (BotTester tester = BotTester.of(new HelloBot()).start()) {
            assertThat(tester.say("alice", "/roll 1")).containsExactly("Usage: /roll [sides], sides from 2 to 1000");
            assertThat(tester.say("alice", "/roll many")).containsExactly("Usage: /roll [sides], sides from 2 to 1000");
        }
    }

    @Test
    void start_greetingConfigured_usesIt() {
        // config(...) stands in for plugins.config.hello in conf/imbot.yaml.
        try (BotTester tester = BotTester.of(new HelloBot()).config(Map.of("greeting", "Howdy")).start()) {
            assertThat(tester.say("bob", "hello")).containsExactly("Howdy, bob!");
        }
    }

    @Test
    void onMessage_otherText_silentAndLeftToOtherBots() {
        try (BotTester tester = BotTester.of(new HelloBot()).start()) {
            assertThat(tester.say("alice", "what's up?")).isEmpty();
            assertThat(tester.say("alice", "/rolling")).isEmpty();
        }
    }
}
