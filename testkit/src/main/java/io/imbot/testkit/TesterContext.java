package io.imbot.testkit;

import io.imbot.api.BotCommand;
import io.imbot.api.BotContext;
import io.imbot.api.Cancellable;
import io.imbot.api.ChatMessage;
import io.imbot.api.ConnectionChange;
import io.imbot.api.Conversation;
import io.imbot.api.DaemonStatus;
import io.imbot.api.Delivery;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryStatus;
import io.imbot.api.DeliveryUpdate;
import io.imbot.api.KeyValueStore;
import io.imbot.api.ReplyBot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The {@link BotContext} one bot gets from a {@link BotTester}. */
final class TesterContext implements BotContext {

    /** Failures the daemon reaches only after storing the message, with the status they end in. */
    private static final Map<DeliveryException.Reason, DeliveryStatus> STORED_FAILURES = Map.of(
            DeliveryException.Reason.TIMED_OUT, DeliveryStatus.TIMED_OUT,
            DeliveryException.Reason.DEADLINE_EXCEEDED, DeliveryStatus.TIMED_OUT,
            DeliveryException.Reason.REJECTED, DeliveryStatus.FAILED);

    private final BotTester tester;
    private final ReplyBot bot;
    private final System.Logger logger;

    TesterContext(BotTester tester, ReplyBot bot, System.Logger logger) {
        this.tester = tester;
        this.bot = bot;
        this.logger = logger;
    }

    ReplyBot bot() {
        return bot;
    }

    @Override
    public String pluginId() {
        return tester.settings().pluginId();
    }

    @Override
    public String botUser() {
        return tester.settings().botUser();
    }

    @Override
    public CompletionStage<Delivery> send(String to, String text) {
        CompletionStage<Delivery> sent = tester.mailbox().send(to, text);
        sent.whenComplete((delivery, failure) -> reportStatus(to, delivery, failure));
        return sent;
    }

    /**
     * Tells delivery listeners what the daemon would: PENDING, then the outcome, for a send that
     * was stored; nothing for one refused up front (invalid, rate limited, backlog full, stopping).
     */
    private void reportStatus(String to, Delivery delivery, Throwable failure) {
        if (delivery != null) {
            tester.watchers().delivered(new DeliveryUpdate(delivery.messageId(), to, DeliveryStatus.PENDING, 0, null, ""));
            tester.watchers().delivered(new DeliveryUpdate(delivery.messageId(), to, DeliveryStatus.ACKNOWLEDGED, 1, null, ""));
        } else if (failure instanceof DeliveryException e && e.messageId() != null && STORED_FAILURES.containsKey(e.reason())) {
            tester.watchers().delivered(new DeliveryUpdate(e.messageId(), to, DeliveryStatus.PENDING, 0, null, ""));
            tester.watchers().delivered(new DeliveryUpdate(e.messageId(), to, STORED_FAILURES.get(e.reason()), 1, e.reason(),
                    e.getMessage()));
        }
    }

    @Override
    public Cancellable onDeliveryStatus(Consumer<DeliveryUpdate> listener) {
        return tester.watchers().onDelivery(bot.name(), Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Cancellable onConnectionChange(Consumer<ConnectionChange> listener) {
        return tester.watchers().onConnection(bot.name(), Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public CompletionStage<List<ChatMessage>> history(String conversation, int limit) {
        if (limit < 1 || limit > 1000) {
            return CompletableFuture.failedStage(
                    new IllegalArgumentException("limit must be 1 to 1000, was " + limit));
        }
        if (conversation == null) {
            return CompletableFuture.failedStage(new IllegalArgumentException("conversation must not be null"));
        }
        List<ChatMessage> all = tester.mailbox().history(conversation);
        return CompletableFuture.completedStage(all.subList(Math.max(0, all.size() - limit), all.size()));
    }

    /** Computed from the tester's messages as the daemon's history computes it; see {@link Conversation}. */
    @Override
    public CompletionStage<List<Conversation>> conversations(int limit) {
        if (limit < 1 || limit > 1000) {
            return CompletableFuture.failedStage(
                    new IllegalArgumentException("limit must be 1 to 1000, was " + limit));
        }
        return CompletableFuture.completedStage(tester.mailbox().conversations(limit));
    }

    @Override
    public Map<String, Object> config() {
        return tester.settings().config();
    }

    @Override
    public Path configDir() {
        return tester.settings().configDir();
    }

    @Override
    public KeyValueStore store() {
        return tester.store();
    }

    @Override
    public Path dataDir() {
        try {
            return Files.createDirectories(tester.settings().dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return tester.scheduler().schedule(bot.name(), delay, null, task);
    }

    @Override
    public Cancellable scheduleEvery(Duration period, Runnable task) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        return tester.scheduler().schedule(bot.name(), period, period, task);
    }

    /** The tester's {@link ManualClock}: the bot sees the virtual time the test moves. */
    @Override
    public Clock clock() {
        return tester.clock();
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public DaemonStatus status() {
        return tester.status();
    }

    @Override
    public List<BotCommand> commands() {
        return tester.commands();
    }
}
