package io.imbot.plugins.commands;

import io.imbot.api.BotCommand;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the auto-reply bot at its default priority 100: offers {@code /roll}, answers
 * {@code /roll} and (to show who goes first) {@code /help}, and records every text it sees.
 */
final class RollBot implements ReplyBot {

    final List<String> seen = new ArrayList<>();

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public List<BotCommand> commands() {
        return List.of(new BotCommand("roll", "/roll <dice>", "rolls dice"));
    }

    @Override
    public void onMessage(MessageEvent event) {
        seen.add(event.text());
        if (event.text().startsWith("/roll") || event.text().equals("/help")) {
            event.reply("rolled 4");
            event.markHandled();
        }
    }
}
