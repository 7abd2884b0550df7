package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Throws on every message; runs before the others. */
@Extension
public class ThrowingBot implements ReplyBot {
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public void onMessage(MessageEvent event) {
        throw new IllegalStateException("boom on " + event.text());
    }
}
