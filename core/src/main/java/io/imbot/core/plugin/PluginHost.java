package io.imbot.core.plugin;

import io.imbot.api.BotCommand;
import io.imbot.api.ChatMessage;
import io.imbot.api.DaemonStatus;
import io.imbot.api.ReplyBot;
import io.imbot.api.RuleMatch;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.ChatMessages;
import io.imbot.core.history.MessageStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the PF4J plugins, starts their reply bots and hands each inbound message to them in
 * priority order. Runs on its own context; bot code runs on the bots' threads (see {@link
 * BotRunner}), never on an event loop.
 */
public final class PluginHost extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);
    private static final String SYSTEM_VERSION = "0.1.0";

    private final PluginHostSettings settings;
    private final MessageStore history;
    private final Supplier<DaemonStatus> status;
    private ImbotPluginManager manager;
    private HostServices services;
    private MessageConsumer<JsonObject> inbound;

    // valid for the verticle's life; the snapshot is read by bot threads
    private final List<BotRunner> runners = new ArrayList<>();
    /** The latest bots of every plugin, running or not, for reports. */
    private final Map<String, List<BotRunner>> reported = new LinkedHashMap<>();
    private volatile List<BotCommand> commandSnapshot = List.of();

    /** Creates the host; nothing is loaded until the verticle starts. */
    public PluginHost(PluginHostSettings settings, MessageStore history, Supplier<DaemonStatus> status) {
        this.settings = settings;
        this.history = history;
        this.status = status;
    }

    @Override
    public Future<?> start() {
        services = new HostServices(vertx, settings.botUser(), settings.configDir(), settings.dataRoot(), history,
                new ReplyLimiter(settings.replyRateCount(), settings.replyRatePer()), settings.sendTimeout(), status,
                () -> commandSnapshot);
        return vertx.executeBlocking(this::loadPlugins, false)
                .compose(plugins -> Future.join(plugins.stream().map(this::startBots).toList()))
                .map(v -> {
                    inbound = vertx.eventBus().consumer(Addresses.INBOUND, msg -> dispatch(ChatMessages.fromJson(msg.body())));
                    log.info("plugins: {}", summary());
                    return null;
                });
    }

    private List<PluginWrapper> loadPlugins() throws Exception {
        Files.createDirectories(settings.dir());
        manager = new ImbotPluginManager(settings.dir(), settings.disabled(), SYSTEM_VERSION);
        manager.loadPlugins();
        manager.startPlugins();
        for (PluginWrapper w : manager.getPlugins()) {
            if (w.getPluginState() == PluginState.FAILED) {
                log.error("plugin {} ({}) failed to start: {}", w.getPluginId(), w.getPluginPath(), w.getFailedException());
            }
        }
        return manager.getStartedPlugins();
    }

    private Future<Void> startBots(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        List<ReplyBot> bots;
        try {
            bots = manager.getExtensions(ReplyBot.class, id);
        } catch (RuntimeException | LinkageError e) {
            log.error("plugin {}: cannot create its bots: {}", id, e.toString());
            return Future.succeededFuture();
        }
        if (bots.isEmpty()) {
            log.warn("plugin {} has no ReplyBot extension (is the class annotated with @Extension?)", id);
        }
        List<Future<Void>> started = new ArrayList<>();
        for (ReplyBot bot : bots) {
            HostedBotContext ctx = new HostedBotContext(services, id, settings.pluginConfig().getOrDefault(id, Map.of()));
            BotRunner runner = new BotRunner(vertx, context, ctx, bot, settings.callTimeout());
            reported.computeIfAbsent(id, k -> new ArrayList<>()).add(runner);
            started.add(runner.call("start", () -> bot.start(ctx)).andThen(ar -> {
                if (ar.succeeded()) {
                    runners.add(runner);
                    refreshSnapshots();
                } else {
                    log.error("plugin {}: bot {} refused to start; it receives no messages", id, runner.name());
                    runner.shutdown();
                }
            }).recover(e -> Future.succeededFuture()));
        }
        return Future.join(started).mapEmpty();
    }

    private void refreshSnapshots() {
        runners.sort(Comparator.comparingInt((BotRunner r) -> -priorityOf(r)).thenComparing(r -> r.pluginId));
        List<BotCommand> all = new ArrayList<>();
        for (BotRunner r : runners) {
            try {
                all.addAll(r.bot.commands());
            } catch (RuntimeException e) {
                log.warn("plugin {}: commands() failed: {}", r.pluginId, e.toString());
            }
        }
        all.sort(Comparator.comparing(BotCommand::name));
        commandSnapshot = List.copyOf(all);
    }

    private static int priorityOf(BotRunner r) {
        try {
            return r.bot.priority();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Runs the bots one after another, highest priority first, until one marks the message handled. */
    private void dispatch(ChatMessage message) {
        if (message.from().equals(settings.botUser())) {
            return; // never answer ourselves
        }
        deliverFrom(List.copyOf(runners), 0, message, new HostedMessageEvent.HandledFlag());
    }

    private void deliverFrom(List<BotRunner> chain, int index, ChatMessage message, HostedMessageEvent.HandledFlag handled) {
        if (index >= chain.size() || handled.get()) {
            return;
        }
        BotRunner runner = chain.get(index);
        if (!runners.contains(runner)) {
            deliverFrom(chain, index + 1, message, handled); // disabled while the message was on its way
            return;
        }
        runner.deliver(new HostedMessageEvent(message, handled, runner.context)).onComplete(ar -> {
            if (ar.failed() && runner.consecutiveFailures >= settings.maxConsecutiveFailures()) {
                disableAfterFailures(runner);
            }
            deliverFrom(chain, index + 1, message, handled);
        });
    }

    private void disableAfterFailures(BotRunner runner) {
        if (!runners.contains(runner)) {
            return;
        }
        log.error("plugin {} disabled after {} consecutive failures (last: {}); enable it again with 'imbot plugins enable {}'",
                runner.pluginId, runner.consecutiveFailures, runner.lastError, runner.pluginId);
        for (BotRunner r : List.copyOf(runners)) {
            if (r.pluginId.equals(runner.pluginId)) {
                runners.remove(r);
                r.abandon("plugin " + r.pluginId + " was disabled");
            }
        }
        refreshSnapshots();
        manager.stopPlugin(runner.pluginId);
        manager.disablePlugin(runner.pluginId);
    }

    /** Every plugin PF4J found, with its state and counters. Safe from any thread. */
    public Future<List<PluginInfo>> plugins() {
        return onHostContext(this::pluginInfos);
    }

    private <T> Future<T> onHostContext(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(promise));
        return promise.future();
    }

    private Future<List<PluginInfo>> pluginInfos() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            List<String> bots = new ArrayList<>();
            long calls = 0, failures = 0, timeouts = 0;
            String lastError = "";
            for (BotRunner r : reported.getOrDefault(w.getPluginId(), List.of())) {
                bots.add(r.name());
                calls += r.calls;
                failures += r.failures;
                timeouts += r.timeouts;
                lastError = r.lastError.isEmpty() ? lastError : r.lastError;
            }
            out.add(new PluginInfo(w.getPluginId(), w.getDescriptor().getVersion(), w.getPluginState().toString(),
                    String.valueOf(w.getDescriptor().getPluginDescription()), String.valueOf(w.getPluginPath()), bots, calls,
                    failures, timeouts, lastError));
        }
        return Future.succeededFuture(out);
    }

    /** What each bot would answer to {@code message}, without answering. Safe from any thread. */
    public Future<List<JsonObject>> explain(ChatMessage message) {
        return onHostContext(() -> explainOnHost(message));
    }

    private Future<List<JsonObject>> explainOnHost(ChatMessage message) {
        List<Future<List<JsonObject>>> all = new ArrayList<>();
        for (BotRunner r : List.copyOf(runners)) {
            List<JsonObject> out = new ArrayList<>();
            all.add(r.call("explain", () -> {
                for (RuleMatch m : r.bot.explain(message)) {
                    out.add(new JsonObject().put("plugin", r.pluginId).put("bot", r.name()).put("rule", m.rule())
                            .put("why", m.why()).put("reply", m.reply()).put("stops", m.stops()));
                }
            }).map(v -> out));
        }
        return Future.all(all).map(cf -> {
            List<JsonObject> merged = new ArrayList<>();
            for (int i = 0; i < cf.size(); i++) {
                merged.addAll(cf.<List<JsonObject>>resultAt(i));
            }
            return merged;
        });
    }

    private String summary() {
        List<String> parts = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            parts.add(w.getPluginId() + " " + w.getDescriptor().getVersion() + " " + w.getPluginState());
        }
        return parts.isEmpty() ? "none found in " + settings.dir() : String.join(", ", parts);
    }

    @Override
    public Future<?> stop() {
        if (inbound != null) {
            inbound.unregister();
        }
        List<Future<Void>> stopping = new ArrayList<>();
        for (BotRunner r : runners) {
            stopping.add(r.call("stop", r.bot::stop).recover(e -> Future.succeededFuture()).andThen(ar -> r.shutdown()));
        }
        return Future.join(stopping).compose(v -> vertx.executeBlocking(() -> {
            if (manager != null) {
                // One by one: PF4J 3.15's stopPlugins() removes from the list it iterates.
                for (PluginWrapper w : new ArrayList<>(manager.getStartedPlugins())) {
                    manager.stopPlugin(w.getPluginId());
                }
                manager.unloadPlugins();
            }
            return null;
        }, false));
    }
}
