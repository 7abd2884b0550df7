package io.imbot.testkit;

import io.imbot.api.BotContext;
import io.imbot.api.ChatMessage;
import io.imbot.api.Delivery;
import io.imbot.api.MessageEvent;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link MessageEvent} one bot gets for one message; the handled mark is shared by all bots. */
final class TesterEvent implements MessageEvent {

    private final ChatMessage message;
    private final TesterContext context;
    private final boolean mentionsBot;
    private final boolean fromOperator;
    private final AtomicReference<String> handledBy;
    private final boolean redelivered;

    TesterEvent(ChatMessage message, TesterContext context, boolean mentionsBot, boolean fromOperator, AtomicReference<String> handledBy,
            boolean redelivered) {
        this.fromOperator = fromOperator;
        this.message = message;
        this.context = context;
        this.mentionsBot = mentionsBot;
        this.handledBy = handledBy;
        this.redelivered = redelivered;
    }

    @Override
    public boolean redelivered() {
        return redelivered;
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
        return context.send(message.inRoom() ? message.to() : message.from(), text);
    }

    @Override
    public boolean mentionsBot() {
        return mentionsBot;
    }

    @Override
    public boolean fromOperator() {
        return fromOperator;
    }

    @Override
    public void markHandled() {
        handledBy.compareAndSet(null, context.bot().name());
    }

    @Override
    public boolean isHandled() {
        return handledBy.get() != null;
    }
}
