package io.imbot.core.plugin;

import io.imbot.api.BotContext;
import io.imbot.api.ChatMessage;
import io.imbot.api.Delivery;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import io.imbot.core.delivery.ReplyIds;
import io.imbot.core.delivery.SendRequest;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One message as one bot sees it. Its replies get IDs derived from the message, the bot and their
 * order ({@link ReplyIds}), so handling the message again after a crash repeats them exactly.
 */
final class HostedMessageEvent implements MessageEvent {

    /** The event whose {@code onMessage} runs on this bot thread right now; its context's sends are its replies. */
    private static final ThreadLocal<HostedMessageEvent> RUNNING = new ThreadLocal<>();

    private final Handling handling;
    private final HostedBotContext context;
    private final String bot;
    private final AtomicInteger replies = new AtomicInteger();

    /**
     * @param bot names the bot among all bots: its plugin and class, so two bots of one plugin
     *     never derive the same reply ID
     */
    HostedMessageEvent(Handling handling, HostedBotContext context, String bot) {
        this.handling = handling;
        this.context = context;
        this.bot = bot;
    }

    /** The event being handled on the calling thread by a bot of {@code context}, or {@code null}. */
    static HostedMessageEvent runningFor(HostedBotContext context) {
        HostedMessageEvent e = RUNNING.get();
        return e != null && e.context == context ? e : null;
    }

    /** Runs the bot's {@code onMessage} on the calling (bot) thread, with this event as the running one. */
    void runOnMessage(ReplyBot target) throws Exception {
        RUNNING.set(this);
        try {
            target.onMessage(this);
        } finally {
            RUNNING.remove();
        }
    }

    @Override
    public ChatMessage message() {
        return handling.inbound.message();
    }

    @Override
    public BotContext context() {
        return context;
    }

    @Override
    public CompletionStage<Delivery> reply(String text) {
        return send(message().conversation(), text);
    }

    /** A send caused by this message: its ID is derived, and the message is handled only once it is stored. */
    CompletionStage<Delivery> send(String to, String text) {
        ChatMessage m = message();
        String id = ReplyIds.derive(ReplyIds.senderOn(m.connection(), m.from()), m.id(), bot, replies.getAndIncrement());
        return context.submit(m.connection(), to, text, id, handling);
    }

    @Override
    public boolean mentionsBot() {
        return message().isFor(botNames());
    }

    @Override
    public boolean fromOperator() {
        return context.fromOperator(message());
    }

    @Override
    public List<String> botNames() {
        return context.botNamesOn(message().connection());
    }

    @Override
    public void markHandled() {
        handling.markHandled();
    }

    @Override
    public boolean isHandled() {
        return handling.isMarkedHandled();
    }

    @Override
    public boolean redelivered() {
        return handling.inbound.redelivered();
    }
}
