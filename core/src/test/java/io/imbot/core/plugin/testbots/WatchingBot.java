package io.imbot.core.plugin.testbots;

import io.imbot.api.BotContext;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/**
 * Answers alice with "ok", and tells carol every delivery status of a message to alice and every
 * connection change it hears of, through the listeners of its context.
 */
@Extension
public class WatchingBot implements ReplyBot {

    @Override
    public void start(BotContext context) {
        context.onDeliveryStatus(u -> {
            if (u.to().equals("alice")) {
                context.send("carol", "delivery " + u.status() + " " + u.messageId() + " after " + u.attempts());
            }
        });
        context.onConnectionChange(c -> context.send("carol", "connection " + c.state()));
    }

    @Override
    public void onMessage(MessageEvent event) {
        event.reply("ok");
    }
}
