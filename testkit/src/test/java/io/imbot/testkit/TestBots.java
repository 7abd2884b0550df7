package io.imbot.testkit;

import io.imbot.api.BotCommand;
import io.imbot.api.BotContext;
import io.imbot.api.ChatMessage;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import io.imbot.api.RuleMatch;
import java.util.ArrayList;
import java.util.List;

/** Small bots the testkit's own tests drive. */
final class TestBots {

    private TestBots() {}

    /** Answers "ping" with "pong" and marks it handled; priority 10. */
    static final class PingBot implements ReplyBot {
        final List<MessageEvent> seen = new ArrayList<>();
        BotContext context;
        boolean stopped;

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public List<BotCommand> commands() {
            return List.of(new BotCommand("ping", "/ping", "answers pong"));
        }

        @Override
        public void start(BotContext context) {
            this.context = context;
        }

        @Override
        public void onMessage(MessageEvent event) {
            seen.add(event);
            if (event.text().equals("ping")) {
                event.reply("pong");
                event.markHandled();
            }
        }

        @Override
        public List<RuleMatch> explain(ChatMessage message) {
            return message.body().equals("ping") ? List.of(new RuleMatch("ping", "exact", "pong", true)) : List.of();
        }

        @Override
        public void stop() {
            stopped = true;
        }
    }

    /** Repeats every message; priority 0. */
    static final class EchoBot implements ReplyBot {
        final List<MessageEvent> seen = new ArrayList<>();

        @Override
        public List<BotCommand> commands() {
            return List.of(new BotCommand("echo", "/echo", "repeats"));
        }

        @Override
        public void onMessage(MessageEvent event) {
            seen.add(event);
            event.reply("echo: " + event.text());
        }

        @Override
        public List<RuleMatch> explain(ChatMessage message) {
            return List.of(new RuleMatch("echo", "always", "echo: " + message.body(), false));
        }
    }

    /** Throws on every message; priority 5. */
    static final class BrokenBot implements ReplyBot {
        @Override
        public int priority() {
            return 5;
        }

        @Override
        public void onMessage(MessageEvent event) {
            throw new IllegalStateException("broken on purpose");
        }
    }
}
