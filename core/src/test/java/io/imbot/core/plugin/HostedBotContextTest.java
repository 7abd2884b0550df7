package io.imbot.core.plugin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.client.ChatClient;
import io.imbot.core.plugin.testbots.ConversationsBot;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a bot in a real plugin jar gets from its context, in a real daemon. */
@ExtendWith(VertxExtension.class)
class HostedBotContextTest {

    @TempDir
    Path home;

    @Test
    void conversations_askedWhileHandlingMessages_storedCountsOnTheBotsThread(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "conversations", ConversationsBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "one"));
            String first = f.nextReply(10).body();
            await(alice.send("bot", "two"));
            String second = f.nextReply(10).body();

            // The bot sees a message once it is stored; its reply to "one" reset the count.
            assertThat(first).startsWith("alice: 1 messages, 1 unanswered, latest one, on bot-conversations-");
            assertThat(second).startsWith("alice: 3 messages, 1 unanswered, latest two, on bot-conversations-");
        }
    }

    @Test
    void conversations_limitZero_failsWithIllegalArgument(Vertx vertx) throws Exception {
        TestPlugins.jar(home.resolve("plugins"), "conversations", ConversationsBot.class);
        try (DaemonFixture f = DaemonFixture.start(vertx, home)) {
            ChatClient alice = f.login("alice");

            await(alice.send("bot", "limit 0"));

            assertThat(f.nextReply(10).body())
                    .isEqualTo("failed: java.lang.IllegalArgumentException: limit must be 1 to 1000, was 0");
        }
    }
}
