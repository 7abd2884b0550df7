package io.imbot.testkit;

import io.imbot.api.BotCommand;
import io.imbot.api.ChatMessage;
import io.imbot.api.ConnectionChange;
import io.imbot.api.DaemonStatus;
import io.imbot.api.DeliveryException;
import io.imbot.api.KeyValueStore;
import io.imbot.api.ReplyBot;
import io.imbot.api.RuleMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs reply bots the way the daemon does, without a network, a database or threads: feed them
 * messages, then assert what they sent.
 *
 * <pre>{@code
 * try (BotTester tester = BotTester.of(new PingBot()).user("bot").start()) {
 *     assertThat(tester.say("alice", "ping")).containsExactly("pong");
 *     assertThat(tester.sayInRoom("#lobby", "alice", "@bot ping")).containsExactly("pong");
 *     tester.advance(Duration.ofMinutes(5)); // runs what the bot scheduled, in time order
 * }
 * }</pre>
 *
 * <p><b>Like the daemon.</b> For each message the bots run one after another, highest {@link
 * ReplyBot#priority()} first (ties in the order given to {@link #of}); a bot that marks the message
 * handled stops the bots after it. Messages from the bot's own user are stored but shown to no
 * bot. An inbound ID already stored is ignored, as the daemon ignores a redelivery. Every send ends
 * at once: acknowledged, or failed with the reason set by {@link #failSends}; a send with an empty
 * text or a blank recipient fails with {@code INVALID} and is not stored.
 *
 * <p><b>Time.</b> Virtual time stands still until {@link #advance} or {@link #advanceTo} moves it;
 * these run the tasks bots gave to {@code schedule} and {@code scheduleEvery}, each at its due time,
 * on the calling thread. The tester's {@link ManualClock} stamps messages and is what {@link
 * io.imbot.api.BotContext#clock()} returns, so a bot that reads the time from its context sees
 * exactly the time the test sets.
 *
 * <p><b>Failures.</b> By default an exception thrown by a bot fails the test with an {@link
 * AssertionError} when the call that caused it returns; see {@link BotTesterBuilder#lenient()}.
 *
 * <p><b>Threading.</b> Meant to be driven by one test thread. Bots may call their context from
 * other threads; sends, history and scheduling are safe from any thread.
 */
public final class BotTester implements AutoCloseable {

    private final Settings settings;
    private final ManualClock clock;
    private final Mailbox mailbox;
    private final VirtualScheduler scheduler;
    private final TempRoot tempRoot;
    private final Instant startedAt;
    private final List<TesterContext> contexts = new ArrayList<>();
    private final FailureLog failureLog;
    private final Watchers watchers;
    private final KeyValueStore store = KeyValueStore.inMemory(); // the plugin's, shared by its bots as in the daemon
    private final List<String> operators;
    private volatile boolean closed;

    private BotTester(BotTesterBuilder b, TempRoot tempRoot) {
        this.tempRoot = tempRoot;
        this.settings = new Settings(b.botUser(), b.pluginId(), b.config(),
                b.configDir() != null ? b.configDir() : tempRoot.conf(),
                b.dataDir() != null ? b.dataDir() : tempRoot.data(), b.strict());
        this.clock = b.clock() != null ? b.clock() : new ManualClock();
        this.mailbox = new Mailbox(settings.botUser(), clock);
        this.scheduler = new VirtualScheduler(clock);
        this.startedAt = clock.instant();
        this.failureLog = new FailureLog(settings.pluginId(), settings.strict());
        this.watchers = new Watchers(failureLog);
        this.operators = b.operators();
        for (ReplyBot bot : b.bots()) {
            contexts.add(new TesterContext(this, bot, failureLog.newLogger()));
        }
    }

    /**
     * The plugin's key-value store as the bots see it ({@code ctx.store()}): in memory, shared by
     * the tester's bots. Read it to check what a bot kept, or fill it before a test.
     */
    public KeyValueStore store() {
        return store;
    }

    /**
     * Begins setting up a tester for {@code bots}.
     *
     * @param bots one or more bots, not yet started
     * @return the builder; finish with {@link BotTesterBuilder#start()}
     */
    public static BotTesterBuilder of(ReplyBot... bots) {
        Objects.requireNonNull(bots, "bots");
        if (bots.length == 0) {
            throw new IllegalArgumentException("bots must not be empty");
        }
        for (int i = 0; i < bots.length; i++) {
            Objects.requireNonNull(bots[i], "bots[" + i + "]");
        }
        return new BotTesterBuilder(List.of(bots));
    }

    static BotTester start(BotTesterBuilder builder) {
        boolean needTemp = builder.configDir() == null || builder.dataDir() == null;
        BotTester tester = new BotTester(builder, needTemp ? TempRoot.create() : null);
        List<TesterContext> started = new ArrayList<>();
        for (TesterContext context : tester.contexts) {
            try {
                context.bot().start(context);
                started.add(context);
            } catch (Exception e) {
                started.forEach(c -> tester.failureLog.call(c.bot().name(), "stop", () -> c.bot().stop()));
                tester.cleanUp();
                throw new IllegalStateException("bot " + context.bot().name() + " refused to start: " + e, e);
            }
        }
        return tester;
    }

    /**
     * Sends the bots a direct message from {@code from}.
     *
     * @return the texts the bots sent while handling it, in order (empty when none answered)
     */
    public List<String> say(String from, String text) {
        return receive(mailbox.newInbound(null, requireUser(from), Objects.requireNonNull(text, "text"))).texts();
    }

    /**
     * Sends the bots a message from {@code from} in {@code room}. It mentions the bot when {@link
     * ChatMessage#isFor} says so for the {@link BotTesterBuilder#user bot user} ({@code @bot} or a
     * leading {@code bot:}), as in the daemon.
     *
     * @param room a room name starting with {@code #}
     * @return the texts the bots sent while handling it, in order
     */
    public List<String> sayInRoom(String room, String from, String text) {
        return receive(mailbox.newInbound(requireRoom(room), requireUser(from), Objects.requireNonNull(text, "text")))
                .texts();
    }

    /** Hands the bots a message built by the test; it mentions the bot as {@link #sayInRoom} says. */
    public Dispatch receive(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        return receive(message, message.isFor(List.of(settings.botUser())));
    }

    /**
     * Hands the bots a message built by the test, saying whether it mentions the bot.
     *
     * @return who saw the message, who handled it, and what the bots sent meanwhile
     */
    public Dispatch receive(ChatMessage message, boolean mentionsBot) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        return dispatch(message, mentionsBot, mailbox.storeInbound(message), false);
    }

    /**
     * Hands the bots a message they saw before, as the daemon does at start for a message that was
     * stored but not handled when it stopped or died: every bot sees it again, with {@link
     * io.imbot.api.MessageEvent#redelivered()} true. Use it to test that a bot with effects outside
     * imbot does not repeat them. (The daemon gives the replies the same IDs as the first time, so
     * the user gets each answer once; the tester records what the bots sent again, for the test to
     * check.)
     *
     * @param message a message handed to the bots before, by {@link #receive} or returned in a
     *     {@link Dispatch}
     * @return who saw the message again and what the bots sent this time
     * @throws IllegalArgumentException when the tester never received {@code message}
     */
    public Dispatch redeliver(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        if (!mailbox.hasInbound(message.id())) {
            throw new IllegalArgumentException("message " + message.id() + " was never received, so it cannot be redelivered");
        }
        return dispatch(message, message.isFor(List.of(settings.botUser())), true, true);
    }

    private Dispatch dispatch(ChatMessage message, boolean mentionsBot, boolean show, boolean redelivered) {
        int mark = failureLog.mark();
        int sentBefore = mailbox.sentCount();
        AtomicReference<String> handledBy = new AtomicReference<>();
        List<String> seenBy = new ArrayList<>();
        if (show && !message.from().equals(settings.botUser())) {
            for (TesterContext context : byPriority()) {
                seenBy.add(context.bot().name());
                TesterEvent event = new TesterEvent(message, context, mentionsBot, message.isFromAnyOf(operators), handledBy,
                        redelivered);
                failureLog.call(context.bot().name(), "onMessage " + message.id(), () -> context.bot().onMessage(event));
                if (event.isHandled()) {
                    break;
                }
            }
        }
        List<ChatMessage> sent = mailbox.sent();
        Dispatch dispatch = new Dispatch(message, seenBy, Optional.ofNullable(handledBy.get()),
                sent.subList(sentBefore, sent.size()));
        watchers.flush();
        failureLog.failIfStrict(mark);
        return dispatch;
    }

    /** Asks the bots, highest priority first, what they would answer to a direct message. */
    public List<RuleMatch> explain(String from, String text) {
        return explain(mailbox.newInbound(null, requireUser(from), Objects.requireNonNull(text, "text")));
    }

    /** Asks the bots, highest priority first, what they would answer to a message in {@code room}. */
    public List<RuleMatch> explainInRoom(String room, String from, String text) {
        return explain(mailbox.newInbound(requireRoom(room), requireUser(from), Objects.requireNonNull(text, "text")));
    }

    /**
     * Collects {@link ReplyBot#explain} of every bot, highest priority first, ending with the first
     * bot that reports a stopping match. Nothing is stored or sent; exceptions pass to the caller.
     */
    public List<RuleMatch> explain(ChatMessage message) {
        ensureOpen();
        List<RuleMatch> all = new ArrayList<>();
        for (TesterContext context : byPriority()) {
            List<RuleMatch> matches = context.bot().explain(message);
            all.addAll(matches);
            if (matches.stream().anyMatch(RuleMatch::stops)) {
                break;
            }
        }
        return List.copyOf(all);
    }

    /** Every message the bots sent (acknowledged or failed), oldest first. */
    public List<ChatMessage> sent() {
        return mailbox.sent();
    }

    /** Every message of a conversation (a user name or {@code #room}), both directions, oldest first. */
    public List<ChatMessage> history(String conversation) {
        return mailbox.history(Objects.requireNonNull(conversation, "conversation"));
    }

    /**
     * Makes every later send fail with {@code reason} (its message is stored as {@code TIMED_OUT}
     * for {@code TIMED_OUT} and {@code DEADLINE_EXCEEDED}, else {@code FAILED}); {@code null} goes
     * back to acknowledging.
     */
    public void failSends(DeliveryException.Reason reason) {
        mailbox.failWith(reason);
    }

    /** Makes every later send end acknowledged again, as at start. */
    public void acknowledgeSends() {
        mailbox.failWith(null);
    }

    /** The clock of the tester's virtual time. */
    public ManualClock clock() {
        return clock;
    }

    /** The current virtual time. */
    public Instant now() {
        return clock.instant();
    }

    /** Moves virtual time forward by {@code duration}, running every task that falls due, in order. */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        advanceTo(now().plus(duration));
    }

    /** Moves virtual time forward to {@code instant} (not back), running every task due by then. */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        ensureOpen();
        if (instant.isBefore(now())) {
            throw new IllegalArgumentException("time cannot go back from " + now() + " to " + instant);
        }
        int mark = failureLog.mark();
        scheduler.runUntil(instant, (bot, e) -> failureLog.record(bot, "scheduled task", e));
        watchers.flush();
        failureLog.failIfStrict(mark);
    }

    /**
     * Tells the bots' connection listeners ({@link io.imbot.api.BotContext#onConnectionChange})
     * that the daemon's connection changed, as the daemon would when the IM server goes away or
     * comes back. Sends keep working in the tester; only the listeners hear of it.
     */
    public void connectionChange(ConnectionChange change) {
        Objects.requireNonNull(change, "change");
        ensureOpen();
        int mark = failureLog.mark();
        watchers.connectionChanged(change);
        watchers.flush();
        failureLog.failIfStrict(mark);
    }

    /** How many scheduled tasks are waiting (periodic tasks count once). */
    public int scheduledTasks() {
        return scheduler.size();
    }

    /** Every line the bots logged, oldest first, including the tester's notes on bot failures. */
    public List<LogEntry> logs() {
        return failureLog.logs();
    }

    /** Every exception the bots threw, oldest first (only kept past the call when lenient). */
    public List<BotFailure> failures() {
        return failureLog.failures();
    }

    /** Every command of every bot, sorted by name, as {@code BotContext.commands()} returns it. */
    public List<BotCommand> commands() {
        List<BotCommand> all = new ArrayList<>();
        for (TesterContext context : contexts) {
            all.addAll(context.bot().commands());
        }
        all.sort(Comparator.comparing(BotCommand::name));
        return List.copyOf(all);
    }

    /** Stops the bots, drops scheduled tasks and deletes the temporary folders the tester made. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        int mark = failureLog.mark();
        for (TesterContext context : contexts) {
            failureLog.call(context.bot().name(), "stop", () -> context.bot().stop());
        }
        cleanUp();
        failureLog.failIfStrict(mark);
    }

    Settings settings() {
        return settings;
    }

    Mailbox mailbox() {
        return mailbox;
    }

    Watchers watchers() {
        return watchers;
    }

    VirtualScheduler scheduler() {
        return scheduler;
    }

    DaemonStatus status() {
        return new DaemonStatus(Duration.between(startedAt, now()), mailbox.acknowledged(), mailbox.received(), 0, true);
    }

    private List<TesterContext> byPriority() {
        List<TesterContext> ordered = new ArrayList<>(contexts);
        ordered.sort(Comparator.comparingInt((TesterContext c) -> c.bot().priority()).reversed());
        return ordered;
    }

    private void cleanUp() {
        closed = true;
        scheduler.cancelAll();
        if (tempRoot != null) {
            tempRoot.delete();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the tester is closed");
        }
    }

    private String requireUser(String user) {
        Objects.requireNonNull(user, "from");
        if (user.isBlank() || ChatMessage.isRoom(user)) {
            throw new IllegalArgumentException("from must be a user name, was '" + user + "'");
        }
        return user;
    }

    private static String requireRoom(String room) {
        Objects.requireNonNull(room, "room");
        if (!ChatMessage.isRoom(room) || room.length() < 2) {
            throw new IllegalArgumentException("room must start with '#', was '" + room + "'");
        }
        return room;
    }
}
