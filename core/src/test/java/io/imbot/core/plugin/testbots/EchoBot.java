package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Answers every message with "echo: TEXT". Lowest priority. */
@Extension
public class EchoBot implements ReplyBot {
    @Override
    public void onMessage(MessageEvent event) {
        event.reply("echo: " + event.text());
    }
}
