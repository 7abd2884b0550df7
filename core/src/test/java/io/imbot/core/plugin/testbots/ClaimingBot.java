package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Answers "mine" and marks it handled, so lower-priority bots never see it. */
@Extension
public class ClaimingBot implements ReplyBot {
    @Override
    public int priority() {
        return 20;
    }

    @Override
    public void onMessage(MessageEvent event) {
        if (event.text().equals("mine")) {
            event.reply("claimed");
            event.markHandled();
        }
    }
}
