package io.imbot.core.plugin.testbots;

import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import org.pf4j.Extension;

/** Says whether the sender is one of the daemon's operators. */
@Extension
public class OperatorBot implements ReplyBot {
    @Override
    public void onMessage(MessageEvent event) {
        event.reply(event.fromOperator() ? "operator" : "not an operator");
    }
}
