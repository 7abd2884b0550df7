package io.imbot.plugins.autoreply;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testkit.BotTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopeTest {

    @TempDir
    Path dir;

    @Test
    void scope_default_answersDirectAndEveryRoomMessage() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: ping
                    reply: pong
                """)) {
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.sayInRoom("#lobby", "alice", "ping")).containsExactly("pong");
            assertThat(bot.sent().get(1).to()).isEqualTo("#lobby");
        }
    }

    @Test
    void scope_direct_ignoresRooms() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: ping
                    scope: direct
                    reply: pong
                """)) {
            assertThat(bot.sayInRoom("#lobby", "alice", "@bot ping")).isEmpty();
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }

    @Test
    void scope_mention_answersRoomOnlyWhenBotNamed() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - keyword: hello
                    scope: mention
                    reply: "Hello, {sender}!"
                """)) {
            assertThat(bot.sayInRoom("#lobby", "alice", "hello all")).isEmpty();
            assertThat(bot.sayInRoom("#lobby", "alice", "hello @bot")).containsExactly("Hello, alice!");
            assertThat(bot.say("alice", "hello")).isEmpty();
        }
    }

    @Test
    void leadingMention_stripped_exactRuleStillMatches() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: ping
                    scope: [direct, mention]
                    reply: "pong ({text})"
                """)) {
            assertThat(bot.sayInRoom("#lobby", "alice", "@bot: ping")).containsExactly("pong (ping)");
            assertThat(bot.sayInRoom("#lobby", "alice", "@bot,ping")).containsExactly("pong (ping)");
        }
    }

    @Test
    void users_allowList_answersOnlyThem() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: ping
                    users: [alice, bob]
                    reply: pong
                """)) {
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
            assertThat(bot.say("carol", "ping")).isEmpty();
        }
    }

    @Test
    void ignoreUsers_listed_neverAnswered() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: ping
                    ignoreUsers: otherbot
                    reply: pong
                """)) {
            assertThat(bot.say("otherbot", "ping")).isEmpty();
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }

    @Test
    void rooms_withOrWithoutHash_limitRoomMessages() {
        try (BotTester bot = Fixture.start(dir, """
                rules:
                  - exact: ping
                    rooms: [lobby, "#ops"]
                    reply: pong
                """)) {
            assertThat(bot.sayInRoom("#lobby", "alice", "ping")).containsExactly("pong");
            assertThat(bot.sayInRoom("#ops", "alice", "ping")).containsExactly("pong");
            assertThat(bot.sayInRoom("#random", "alice", "ping")).isEmpty();
            assertThat(bot.say("alice", "ping")).containsExactly("pong");
        }
    }
}
