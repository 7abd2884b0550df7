package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.BotContext;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.junit.jupiter.api.Test;

/** {@code ctx.store()} in a test: in memory, shared by the tester's bots, open to the test. */
class BotTesterStoreTest {

    static final class CountingBot implements ReplyBot {
        private BotContext ctx;

        @Override
        public void start(BotContext context) {
            ctx = context;
        }

        @Override
        public void onMessage(MessageEvent event) {
            long n = ctx.store().add("count/" + event.message().from(), 1).toCompletableFuture().join();
            event.reply("message " + n);
        }
    }

    @Test
    void store_botCountsPerSender_theTestReadsAndPresetsIt() throws Exception {
        try (BotTester tester = BotTester.of(new CountingBot()).start()) {
            tester.store().put("count/bob", "41").toCompletableFuture().join();

            assertThat(tester.say("alice", "hi")).containsExactly("message 1");
            assertThat(tester.say("alice", "hi")).containsExactly("message 2");
            assertThat(tester.say("bob", "hi")).containsExactly("message 42");
            assertThat(tester.store().get("count/alice").toCompletableFuture().join()).contains("2");
        }
    }
}
