package io.imbot.core.plugin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.ChatMessage;
import io.imbot.core.delivery.ReplyIds;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.imbot.core.plugin.testbots.RedeliveryBot;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.DaemonFixture;
import io.imbot.core.testing.TestPlugins;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A message a previous run stored but did not finish handling, shown to the bots again at start. */
@ExtendWith(VertxExtension.class)
class RedispatchTest {

    @TempDir
    Path home;

    @Test
    void start_messageStoredButNotHandled_botSeesItAgainAndReplyIdIsDerived(Vertx vertx) throws Exception {
        String url = "jdbc:hsqldb:file:" + home.resolve("data/imbot");
        JdbcMessageStore before = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(10)));
        await(before.saveInbound(MessageRecord.inbound("a-1", "alice", "bot", "hello", 1_000L))); // stored, ACKed, then the daemon died
        await(before.close());
        TestPlugins.jar(home.resolve("plugins"), "redo", RedeliveryBot.class);

        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.database.url", url)) {
            f.login("alice");
            ChatMessage reply = f.nextReply(10);
            await(Await.until(vertx, 10, () -> f.daemon.counters().unhandled() == 0));

            assertThat(reply.body()).isEqualTo("hello (again)");
            assertThat(reply.id()).isEqualTo(ReplyIds.derive("alice", "a-1", "redo/" + RedeliveryBot.class.getName(), 0));
            assertThat(f.daemon.counters().redispatched()).isEqualTo(1);
        }
        try (DaemonFixture again = DaemonFixture.start(vertx, home, "imbot.database.url", url)) {
            assertThat(again.daemon.counters().redispatched()).as("handled once, not shown a third time").isZero();
        }
    }

    @Test
    void start_moreUnhandledThanTheReplyRateAllows_everyOneAnswered(Vertx vertx) throws Exception {
        String url = "jdbc:hsqldb:file:" + home.resolve("data/imbot");
        JdbcMessageStore before = await(JdbcMessageStore.open(vertx, url, "bot", Duration.ofSeconds(10)));
        for (int i = 1; i <= 5; i++) {
            await(before.saveInbound(MessageRecord.inbound("b-" + i, "alice", "bot", "text " + i, i)));
        }
        await(before.close());
        TestPlugins.jar(home.resolve("plugins"), "redo", RedeliveryBot.class);

        try (DaemonFixture f = DaemonFixture.start(vertx, home, "imbot.database.url", url, "imbot.plugins.replyRate.count", "2")) {
            f.login("alice");

            assertThat(f.repliesUntil("text 5 (again)", 10)).containsExactly("text 1 (again)", "text 2 (again)", "text 3 (again)",
                    "text 4 (again)", "text 5 (again)");
        }
    }
}
