package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Echoes the text, saying "(again)" when the daemon shows it a message a second time. */
@Extension
public class RedeliveryBot implements ReplyBot {
    @Override
    public void onMessage(MessageEvent event) {
        event.reply(event.text() + (event.redelivered() ? " (again)" : ""));
    }
}
