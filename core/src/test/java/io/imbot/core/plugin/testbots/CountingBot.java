package io.imbot.core.plugin.testbots;

import io.imbot.api.BotContext;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Counts each sender's messages in the plugin's store and answers with the count. */
@Extension
public class CountingBot implements ReplyBot {
    private BotContext context;

    @Override
    public void start(BotContext ctx) {
        this.context = ctx;
    }

    @Override
    public void onMessage(MessageEvent event) {
        long n = context.store().add("count/" + event.message().from(), 1).toCompletableFuture().join();
        event.reply("message " + n + " from you");
    }
}
