package io.imbot.api;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A bot's handle on the daemon, given to {@link ReplyBot#start(BotContext)} and with every {@link
 * MessageEvent}. All methods are safe to call from any thread.
 */
public interface BotContext {

    /** The ID of the plugin this bot comes from. */
    String pluginId();

    /** The user name the daemon is logged in as. */
    String botUser();

    /**
     * Sends a message through the delivery engine.
     *
     * @param to a user name, or a room name starting with {@code #}
     * @param text the text, not empty
     * @return completes with the acknowledged {@link Delivery}; fails with {@link
     *     DeliveryException} when the message timed out, the backlog is full, the arguments are
     *     invalid or the daemon is stopping
     */
    CompletionStage<Delivery> send(String to, String text);

    /**
     * Sends a message with a fresh ID on the connection {@code connection}, also while the bot
     * handles a message (where {@link #send(String, String)} would send a reply on the message's own
     * connection).
     *
     * @param connection a connection's name, as in {@link ChatMessage#connection()}; {@code null}
     *     for the first connection
     * @return as {@link #send(String, String)}; fails with {@link DeliveryException} ({@code
     *     INVALID}) for a connection the daemon does not have
     */
    default CompletionStage<Delivery> send(String connection, String to, String text) {
        if (connection == null || connection.equals(ChatMessage.DEFAULT_CONNECTION)) {
            return send(to, text);
        }
        return CompletableFuture.failedStage(new DeliveryException(DeliveryException.Reason.INVALID, null,
                "no connection named '" + connection + "'"));
    }

    /** The names of the daemon's connections, the first (where sends that name none go) first. */
    default List<String> connections() {
        return List.of(ChatMessage.DEFAULT_CONNECTION);
    }

    /**
     * Reads the latest messages of a conversation on one connection, oldest first.
     *
     * @param connection a connection's name, or {@code null} for the conversation of that name on
     *     every connection
     * @param conversation a user name or {@code #room}
     * @param limit how many messages at most, 1 to 1000
     * @return the messages; fails with {@link IllegalArgumentException} for a bad limit
     */
    default CompletionStage<List<ChatMessage>> history(String connection, String conversation, int limit) {
        return history(conversation, limit);
    }

    /**
     * Reads the latest messages of a conversation, oldest first, on every connection that has a
     * conversation of that name.
     *
     * @param conversation a user name or {@code #room}
     * @param limit how many messages at most, 1 to 1000
     * @return the messages; fails with {@link IllegalArgumentException} for a bad limit
     */
    CompletionStage<List<ChatMessage>> history(String conversation, int limit);

    /**
     * Lists the conversations, most recently active first, each with its latest message, its
     * message count and how many inbound messages wait for an answer (see {@link Conversation}).
     * The stage completes on the bot's own thread, like {@link #history}'s.
     *
     * <pre>{@code
     * ctx.conversations(50).thenAccept(list -> {
     *     long waiting = list.stream().filter(c -> c.unanswered() > 0).count();
     *     ctx.logger().log(System.Logger.Level.INFO, waiting + " conversations wait for an answer");
     * });
     * }</pre>
     *
     * @param limit how many conversations at most, 1 to 1000
     * @return the conversations; fails with {@link IllegalArgumentException} for a bad limit
     */
    CompletionStage<List<Conversation>> conversations(int limit);

    /** This plugin's section of the daemon configuration ({@code plugins.config.<id>}), read-only. */
    Map<String, Object> config();

    /**
     * This plugin's key-value store, shared by its bots and kept in the daemon's database across
     * restarts: the place for state such as a per-user count, rather than files of your own.
     */
    KeyValueStore store();

    /** The daemon's configuration folder (where {@code imbot.yaml} lives). */
    Path configDir();

    /** A folder for this plugin's own files; created on first call, kept across restarts. */
    Path dataDir();

    /**
     * Runs {@code task} once after {@code delay} on this bot's worker thread, with the same time
     * budget as a message. Exceptions are logged and counted as failures.
     *
     * @return a handle to cancel the task
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Runs {@code task} every {@code period} on this bot's worker thread until cancelled or the
     * plugin stops, with the same time budget as a message. Exceptions are logged and counted; the
     * task keeps running.
     *
     * @return a handle to cancel the task
     */
    Cancellable scheduleEvery(Duration period, Runnable task);

    /**
     * The clock the bot should read the time from (quiet hours, cooldowns, timestamps). The daemon
     * gives the system clock; a test kit gives a clock the test moves by hand.
     */
    default Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Calls {@code listener} with every status change of every message the daemon sends (this
     * bot's, other bots', the command line's): {@code PENDING} once stored, then how it ended. The
     * listener runs on this bot's worker thread, one update at a time, in order, with the same time
     * budget as a message; what it throws is logged and counted. A listener that falls far behind
     * (10,000 calls queued for the bot) loses updates, and the daemon logs it.
     *
     * <pre>{@code
     * ctx.onDeliveryStatus(u -> {
     *     if (u.status() == DeliveryStatus.TIMED_OUT) ctx.logger().log(WARNING, "not delivered to " + u.to());
     * });
     * }</pre>
     *
     * @return a handle to stop listening; listening also stops when the plugin stops
     */
    Cancellable onDeliveryStatus(Consumer<DeliveryUpdate> listener);

    /**
     * Calls {@code listener} whenever the daemon's connection to the IM network comes up, goes
     * down or fails to come up, on this bot's worker thread like {@link #onDeliveryStatus}.
     *
     * @return a handle to stop listening; listening also stops when the plugin stops
     */
    Cancellable onConnectionChange(Consumer<ConnectionChange> listener);

    /** A logger named after the plugin; its lines carry the plugin's ID. */
    System.Logger logger();

    /** Counters of the running daemon, for status commands. */
    DaemonStatus status();

    /** Every command offered by every loaded bot, sorted by name, for help commands. */
    List<BotCommand> commands();
}
