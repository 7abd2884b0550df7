package io.imbot.core.plugin;

import io.imbot.api.BotCommand;
import io.imbot.api.BotContext;
import io.imbot.api.Cancellable;
import io.imbot.api.ChatMessage;
import io.imbot.api.ConnectionChange;
import io.imbot.api.Conversation;
import io.imbot.api.DaemonStatus;
import io.imbot.api.Delivery;
import io.imbot.api.DeliveryException;
import io.imbot.api.DeliveryUpdate;
import io.imbot.api.KeyValueStore;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.SendRequest;
import io.imbot.core.delivery.Submission;
import io.imbot.core.history.MessageRecord;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link BotContext} of one plugin. Stages it returns complete on the bot's own thread, so
 * code chained on them never runs on an event loop.
 */
final class HostedBotContext implements BotContext {

    private final HostServices services;
    private final String pluginId;
    private final Map<String, Object> config;
    private final System.Logger logger;
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();
    private final Set<MessageConsumer<?>> listeners = ConcurrentHashMap.newKeySet();
    private volatile BotRunner runner;

    HostedBotContext(HostServices services, String pluginId, Map<String, Object> config) {
        this.services = services;
        this.pluginId = pluginId;
        this.config = Map.copyOf(config);
        this.logger = System.getLogger("imbot.plugin." + pluginId);
    }

    void bind(BotRunner runner) {
        this.runner = runner;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String botUser() {
        return services.botUser();
    }

    /**
     * Sends with a fresh ID, or, when called on the bot's thread while it handles a message, as a
     * reply to that message (a derived ID, and the message is handled only once it is stored).
     */
    @Override
    public CompletionStage<Delivery> send(String to, String text) {
        HostedMessageEvent running = HostedMessageEvent.runningFor(this);
        return running != null ? running.send(to, text) : submit(null, to, text, null, null);
    }

    /** Sends with a fresh ID on the connection {@code connection}, even while the bot handles a message. */
    @Override
    public CompletionStage<Delivery> send(String connection, String to, String text) {
        if (connection != null && !services.users().containsKey(connection)) {
            return failed(new DeliveryException(DeliveryException.Reason.INVALID, null, "no connection named '" + connection
                    + "' (connections: " + String.join(", ", services.users().keySet()) + ")"));
        }
        return submit(connection, to, text, null, null);
    }

    /** Whether {@code message} comes from one of the daemon's operators. */
    boolean fromOperator(ChatMessage message) {
        return message.isFromAnyOf(services.operators());
    }

    /** The names the daemon goes by on the connection {@code connection}, its user there first. */
    List<String> botNamesOn(String connection) {
        return services.botNames(connection);
    }

    /** Hands a send to the message center; {@code handling}, when given, waits for it to be stored. */
    CompletionStage<Delivery> submit(String connection, String to, String text, String replyId, Handling handling) {
        if (to == null || text == null) {
            return failed(new DeliveryException(DeliveryException.Reason.INVALID, null, (to == null ? "to" : "text") + " must not be null"));
        }
        // A message shown again after a restart is no loop, and a re-dispatch replays minutes in seconds.
        boolean redispatch = handling != null && handling.inbound.redelivered();
        if (!redispatch && !services.limiter().tryAcquire(to)) {
            return failed(new DeliveryException(DeliveryException.Reason.RATE_LIMITED, null,
                    "too many bot messages to " + to + "; dropped to stop a reply loop"));
        }
        SendRequest request = replyId == null ? SendRequest.fresh(to, text).on(connection)
                : SendRequest.reply(to, text, replyId, redispatch, connection);
        Future<Submission> submitted = services.delivery().map(port -> port.submit(request))
                .recover(e -> Future.failedFuture(new DeliveryException(DeliveryException.Reason.UNAVAILABLE, replyId,
                        "delivery engine unavailable: " + e.getMessage())));
        if (handling != null) {
            handling.addReply(submitted.compose(Submission::stored));
        }
        Future<Delivery> result = submitted.compose(Submission::outcome).compose(outcome -> outcome.succeeded()
                ? Future.succeededFuture(outcome.toDelivery())
                : Future.failedFuture(outcome.toException()));
        return onBotThread(result);
    }

    @Override
    public CompletionStage<List<ChatMessage>> history(String conversation, int limit) {
        Objects.requireNonNull(conversation, "conversation");
        if (limit < 1 || limit > 1000) {
            return failed(new IllegalArgumentException("limit must be 1 to 1000, was " + limit));
        }
        return history(null, conversation, limit);
    }

    @Override
    public CompletionStage<List<ChatMessage>> history(String connection, String conversation, int limit) {
        Objects.requireNonNull(conversation, "conversation");
        if (limit < 1 || limit > 1000) {
            return failed(new IllegalArgumentException("limit must be 1 to 1000, was " + limit));
        }
        return onBotThread(services.history().latest(connection, conversation, limit)
                .map(records -> records.stream().map(MessageRecord::toChatMessage).toList()));
    }

    @Override
    public List<String> connections() {
        return List.copyOf(services.users().keySet());
    }

    @Override
    public CompletionStage<List<Conversation>> conversations(int limit) {
        if (limit < 1 || limit > 1000) {
            return failed(new IllegalArgumentException("limit must be 1 to 1000, was " + limit));
        }
        return onBotThread(services.history().conversations(limit));
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public Path configDir() {
        return services.configDir();
    }

    /** The plugin's rows in the history database (one store per plugin, whichever bot asks). */
    @Override
    public KeyValueStore store() {
        return services.history().pluginStore(pluginId);
    }

    @Override
    public Path dataDir() {
        Path dir = services.dataRoot().resolve(pluginId);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long[] id = new long[1];
        id[0] = services.vertx().setTimer(Math.max(1, delay.toMillis()), t -> {
            timers.remove(id[0]);
            runner.submit("scheduled task", task::run);
        });
        timers.add(id[0]);
        return () -> cancel(id[0]);
    }

    @Override
    public Cancellable scheduleEvery(Duration period, Runnable task) {
        Objects.requireNonNull(task, "task");
        long id = services.vertx().setPeriodic(Math.max(1, period.toMillis()), t -> runner.submit("periodic task", task::run));
        timers.add(id);
        return () -> cancel(id);
    }

    private void cancel(long id) {
        if (timers.remove(id)) {
            services.vertx().cancelTimer(id);
        }
    }

    @Override
    public Cancellable onDeliveryStatus(Consumer<DeliveryUpdate> listener) {
        Objects.requireNonNull(listener, "listener");
        return listen(Addresses.DELIVERY_STATUS, "delivery status listener", (DeliveryOutcome o) -> listener.accept(o.toUpdate()));
    }

    @Override
    public Cancellable onConnectionChange(Consumer<ConnectionChange> listener) {
        Objects.requireNonNull(listener, "listener");
        return listen(Addresses.CONNECTION, "connection listener", listener);
    }

    /** Hands each event on {@code address} to the bot's thread, budgeted and counted like a scheduled task. */
    private <T> Cancellable listen(String address, String what, Consumer<T> listener) {
        MessageConsumer<T> consumer = services.vertx().eventBus().consumer(address, m -> runner.submit(what, () -> listener.accept(m.body())));
        listeners.add(consumer);
        return () -> stopListening(consumer);
    }

    private void stopListening(MessageConsumer<?> consumer) {
        if (listeners.remove(consumer)) {
            consumer.unregister();
        }
    }

    /** Cancels every task the plugin scheduled and every listener it registered; called when the plugin stops. */
    void cancelAll() {
        for (Long id : List.copyOf(timers)) {
            cancel(id);
        }
        List.copyOf(listeners).forEach(this::stopListening);
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public DaemonStatus status() {
        return services.status().get();
    }

    @Override
    public List<BotCommand> commands() {
        return services.commands().get();
    }

    private <T> CompletionStage<T> onBotThread(Future<T> future) {
        CompletableFuture<T> stage = new CompletableFuture<>();
        future.onComplete(ar -> runner.execute("completion", () -> {
            if (ar.succeeded()) {
                stage.complete(ar.result());
            } else {
                stage.completeExceptionally(ar.cause());
            }
        }));
        return stage;
    }

    private static <T> CompletionStage<T> failed(Throwable e) {
        return CompletableFuture.failedFuture(e);
    }
}
