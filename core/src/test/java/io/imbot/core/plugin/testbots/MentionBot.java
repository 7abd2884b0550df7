package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Says whether a message mentions the bot, and what is left after a leading address to it. */
@Extension
public class MentionBot implements ReplyBot {
    @Override
    public void onMessage(MessageEvent event) {
        event.reply((event.mentionsBot() ? "mentioned" : "not mentioned") + " [" + event.textAfterAddress().orElse("-") + "]");
    }
}
