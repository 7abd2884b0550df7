package io.imbot.core.plugin;

import io.imbot.api.BotContext;
import io.imbot.api.ChatMessage;
import io.imbot.api.Delivery;
import io.imbot.api.MessageEvent;
import java.util.concurrent.CompletionStage;

/** One message on its way through the bots; the handled flag is shared by all of them. */
final class HostedMessageEvent implements MessageEvent {

    private final ChatMessage message;
    private final HandledFlag handled;
    private final BotContext context;

    HostedMessageEvent(ChatMessage message, HandledFlag handled, BotContext context) {
        this.message = message;
        this.handled = handled;
        this.context = context;
    }

    @Override
    public ChatMessage message() {
        return message;
    }

    @Override
    public BotContext context() {
        return context;
    }

    @Override
    public CompletionStage<Delivery> reply(String text) {
        return context.send(message.conversation(), text);
    }

    @Override
    public boolean mentionsBot() {
        return !message.inRoom() || message.mentions(context.botUser());
    }

    @Override
    public void markHandled() {
        handled.set();
    }

    @Override
    public boolean isHandled() {
        return handled.get();
    }

    /** Shared by the events of one message across bots. */
    static final class HandledFlag {
        private volatile boolean handled;

        void set() {
            handled = true;
        }

        boolean get() {
            return handled;
        }
    }
}
