package io.imbot.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A bot that reads inbound messages and may answer them. Mark an implementation with PF4J's
 * {@code @Extension} inside a plugin jar and drop the jar into the daemon's {@code plugins/} folder.
 *
 * <p><b>Threading.</b> The daemon calls a bot from a worker thread of its own, never from the
 * thread that owns the IM connection, and never from two threads at once. {@link #onMessage} runs
 * with a time budget (five seconds by default): a bot that blocks longer is reported, and the
 * message goes on to the next bot.
 *
 * <p><b>Order.</b> For each message the bots run one after another, highest {@link #priority()}
 * first. A bot that calls {@link MessageEvent#markHandled()} stops the bots after it.
 *
 * <p><b>Failures.</b> An exception thrown by a bot is logged with the plugin's ID and counted; the
 * other bots still see the message. A bot that keeps failing is disabled.
 *
 * <pre>{@code
 * @Extension
 * public class PingBot implements ReplyBot {
 *     public void onMessage(MessageEvent event) {
 *         if (event.text().equals("ping")) {
 *             event.reply("pong");
 *             event.markHandled();
 *         }
 *     }
 * }
 * }</pre>
 */
public interface ReplyBot extends ExtensionPoint {

    /** A short name for logs and {@code /help}; the class's simple name by default. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Bots with a higher priority see each message first. The default is 0. */
    default int priority() {
        return 0;
    }

    /** The commands this bot answers, for {@code /help}. None by default. */
    default List<BotCommand> commands() {
        return List.of();
    }

    /**
     * Called once before the first message, with the context this bot uses for its whole life.
     *
     * @param context the bot's handle on the daemon
     * @throws Exception to refuse to start; the bot then receives no messages
     */
    default void start(BotContext context) throws Exception {}

    /**
     * Called for each inbound message that no higher-priority bot has handled. The bot never sees
     * its own messages.
     *
     * @param event the message and the means to answer it
     * @throws Exception any failure; it is logged and counted, and harms nothing else
     */
    void onMessage(MessageEvent event) throws Exception;

    /**
     * Checks this bot's configuration and files without starting it, for {@code imbot config
     * check}: each problem found, as a sentence naming the setting or the file (and line) at fault.
     * The context is the one {@link #start} would get, except that sending fails and no message
     * arrives. Bots with nothing to check keep the default, which finds nothing.
     *
     * @param context the bot's configuration, folders and logger
     * @return the problems; empty when the configuration is good
     */
    default List<String> check(BotContext context) {
        return List.of();
    }

    /**
     * Says what this bot would answer to {@code message}, without answering: which rules match, in
     * what order, why, and the reply each would send. Used by {@code imbot rules test}. Bots without
     * rules keep the default, which returns an empty list.
     *
     * @param message the message to try
     * @return the matches in the order the bot would apply them; empty when nothing would fire
     */
    default List<RuleMatch> explain(ChatMessage message) {
        return List.of();
    }

    /**
     * Called once when the daemon stops, or the plugin is disabled or reloaded by an operator. A
     * bot the daemon disables because it keeps failing is not called again, not even here.
     */
    default void stop() {}
}
