package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** On "talk to yourself", sends a message to its own user, then tells the sender "done". */
@Extension
public class SelfTalkBot implements ReplyBot {
    @Override
    public int priority() {
        return 30;
    }

    @Override
    public void onMessage(MessageEvent event) {
        if (event.text().equals("talk to yourself")) {
            event.context().send(event.context().botUser(), "hello me").thenRun(() -> event.reply("done"));
            event.markHandled();
        }
    }
}
