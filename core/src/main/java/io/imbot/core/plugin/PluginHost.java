package io.imbot.core.plugin;

import io.imbot.api.ChatMessage;
import io.imbot.api.DaemonStatus;
import io.imbot.api.ReplyBot;
import io.imbot.api.connector.ConnectorFactory;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryPort;
import io.imbot.core.delivery.Inbound;
import io.imbot.core.delivery.LocalCodecs;
import io.imbot.core.history.MessageStore;
import io.imbot.core.metrics.Meters;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the PF4J plugins, starts their reply bots and hands each inbound message to them in
 * priority order. Watches the plugins folder: a jar dropped in while the daemon runs is loaded, a
 * changed one reloaded, a removed one unloaded. Runs on its own context; bot code runs on the bots'
 * threads (see {@link BotRunner}), never on an event loop. PF4J itself is only touched in ordered
 * blocking tasks of this context, one operation at a time.
 */
public final class PluginHost extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);
    static final String SYSTEM_VERSION = "0.1.0";
    private static final long DESCRIBE_EVERY_MS = 2000;

    private PluginHostSettings settings; // replaced by apply(), on the host context
    private final Future<? extends MessageStore> history;
    private final Future<DeliveryPort> delivery;
    private final Supplier<DaemonStatus> status;
    private final Meters meters;
    private final BotRoster roster = new BotRoster();
    private final Map<Path, String> idByFile = new HashMap<>();
    /** Files not loaded because the same plugin ID is loaded in a newer (or equal) version, with why; shown by {@code imbot plugins}. */
    private final Map<Path, PluginInfo> ignored = new ConcurrentHashMap<>();
    private ImbotPluginManager manager;
    private PluginFolderWatcher watcher;
    private HostServices services;
    private MessageConsumer<Inbound> inbound;
    private Future<?> lastOperation = Future.succeededFuture();
    private long watchTimer = -1;
    private long describeTimer = -1;
    private boolean stopping;

    /**
     * Creates the host; nothing is loaded until the verticle starts. Plugins load while the history
     * store is still opening; bots start once it is open. Bots' sends wait for {@code delivery},
     * the message center, which starts after the host.
     *
     * @param meters where each bot call's duration and outcome is recorded
     */
    public PluginHost(PluginHostSettings settings, Future<? extends MessageStore> history, Future<DeliveryPort> delivery,
            Supplier<DaemonStatus> status, Meters meters) {
        this.settings = settings;
        this.meters = meters;
        this.history = history;
        this.delivery = delivery;
        this.status = status;
    }

    @Override
    public Future<?> start() {
        watcher = new PluginFolderWatcher(settings.dir());
        Future<List<String>> loaded = blocking(this::loadAll);
        return Future.all(loaded, history)
                .compose(all -> {
                    services = new HostServices(vertx, settings.users(), settings.operators(), settings.configDir(), settings.dataRoot(), history.result(),
                            new ReplyLimiter(settings.replyRateCount(), settings.replyRatePer()), delivery, status,
                            roster::commands);
                    return Future.join(loaded.result().stream().map(this::startBots).toList());
                })
                .map(v -> {
                    LocalCodecs.register(vertx);
                    inbound = vertx.eventBus().consumer(Addresses.INBOUND, msg -> dispatch(msg.body()));
                    watchTimer = vertx.setPeriodic(settings.watchInterval().toMillis(), id -> serialized(this::applyFolderChanges));
                    describeTimer = vertx.setPeriodic(DESCRIBE_EVERY_MS, id -> describeAll());
                    log.info("plugins: {}", summary());
                    return null;
                });
    }

    /** PF4J work off the event loop, in order with this host's other blocking work. */
    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, true);
    }

    /** Runs operations on plugins one at a time, in the order asked. Call on this context. */
    private <T> Future<T> serialized(Supplier<Future<T>> operation) {
        Future<T> next = lastOperation.transform(ignored -> operation.get());
        lastOperation = next;
        return next;
    }

    private <T> Future<T> onHostContext(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(promise));
        return promise.future();
    }

    private List<String> loadAll() throws Exception {
        createFolder(settings.dir());
        manager = new ImbotPluginManager(settings.dir(), settings.disabled(), disabledState(settings), SYSTEM_VERSION);
        for (Path candidate : newestOfEachId(manager.candidates())) {
            try {
                manager.loadPlugin(candidate);
            } catch (RuntimeException e) {
                log.error("{}: cannot load this plugin: {}", PluginFiles.fileOf(candidate), e.getMessage());
            }
        }
        manager.startPlugins();
        for (PluginWrapper w : manager.getPlugins()) {
            idByFile.put(PluginFiles.fileOf(w.getPluginPath()), w.getPluginId());
            if (w.getPluginState() == PluginState.FAILED) {
                log.error("plugin {} ({}) failed to start: {}", w.getPluginId(), w.getPluginPath(), w.getFailedException());
            }
        }
        watcher.baseline();
        return manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList();
    }

    /**
     * The candidates to load: for each plugin ID the newest version only (the order of the folder
     * for equal ones); the others are set aside as ignored. Candidates without a readable
     * descriptor go through, for PF4J to report.
     */
    private List<Path> newestOfEachId(List<Path> candidates) {
        Map<String, Path> chosen = new LinkedHashMap<>();
        List<Path> out = new ArrayList<>();
        for (Path c : candidates) {
            PluginDescriptor d = manager.peek(c);
            if (d == null || d.getPluginId() == null) {
                out.add(c);
                continue;
            }
            Path other = chosen.get(d.getPluginId());
            if (other == null || manager.newer(d.getVersion(), manager.peek(other).getVersion())) {
                if (other != null) {
                    ignore(other, manager.peek(other), d, c);
                }
                chosen.put(d.getPluginId(), c);
            } else {
                ignore(c, d, manager.peek(other), other);
            }
        }
        out.addAll(chosen.values());
        return out;
    }

    /** Sets {@code older} aside: the plugin {@code kept} (from {@code keptPath}) is the one that runs. */
    private void ignore(Path older, PluginDescriptor d, PluginDescriptor kept, Path keptPath) {
        Path file = PluginFiles.fileOf(older);
        String why = "ignored: " + d.getPluginId() + " " + kept.getVersion() + " from " + PluginFiles.fileOf(keptPath).getFileName()
                + " is loaded (a newer or equal version); remove this file";
        ignored.put(file, new PluginInfo(d.getPluginId(), d.getVersion(), "IGNORED", String.valueOf(d.getPluginDescription()),
                file.toString(), List.of(), 0, 0, 0, why));
        log.warn("{}: {}", file.getFileName(), why);
    }

    /** Creates the plugins folder, or says why not: the JDK's exceptions often carry only the path. */
    private static void createFolder(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            String why = e.getReason() != null ? e.getReason()
                    : e instanceof FileAlreadyExistsException ? "it is a file, not a folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName();
            throw new IOException("cannot create the plugins folder " + dir + " (" + e.getFile() + "): " + why, e);
        }
    }

    /**
     * Every connector factory: those of the started plugins, then those on the daemon's class path
     * (the bundled connector), each kind once, the first found winning.
     */
    public Future<List<ConnectorFactory>> connectorFactories() {
        return onHostContext(() -> serialized(() -> blocking(() -> connectorFactories(manager))));
    }

    /** Where the plugins an operator disabled are remembered: {@code data/plugins-disabled.txt}. */
    static Path disabledState(PluginHostSettings settings) {
        return settings.dataRoot().resolveSibling("plugins-disabled.txt");
    }

    /** Stops every plugin, one by one (PF4J 3.15's stopPlugins() removes from the list it iterates), and unloads them. */
    static void stopAndUnload(ImbotPluginManager manager) {
        for (PluginWrapper w : new ArrayList<>(manager.getStartedPlugins())) {
            manager.stopPlugin(w.getPluginId());
        }
        manager.unloadPlugins();
    }

    static List<ConnectorFactory> connectorFactories(ImbotPluginManager manager) {
        Map<String, ConnectorFactory> byKind = new LinkedHashMap<>();
        for (PluginWrapper w : manager.getStartedPlugins()) {
            manager.getExtensions(ConnectorFactory.class, w.getPluginId()).forEach(f -> byKind.putIfAbsent(f.kind(), f));
        }
        manager.getExtensions(ConnectorFactory.class).forEach(f -> byKind.putIfAbsent(f.kind(), f));
        return List.copyOf(byKind.values());
    }

    /** Creates the plugin's bots (their constructors are plugin code: off the event loop) and starts them. */
    private Future<Void> startBots(String id) {
        return blocking(() -> manager.getExtensions(ReplyBot.class, id))
                .compose(bots -> startBots(id, bots))
                .otherwise(e -> {
                    log.error("plugin {}: cannot create its bots: {}", id, e.toString());
                    return null;
                });
    }

    private Future<Void> startBots(String id, List<ReplyBot> bots) {
        if (bots.isEmpty() && manager.getExtensionClassNames(id).isEmpty()) {
            log.warn("plugin {} has no extension (is the class annotated with @Extension?)", id);
        }
        roster.forget(id);
        List<Future<Void>> started = new ArrayList<>();
        for (ReplyBot bot : bots) {
            HostedBotContext ctx = new HostedBotContext(services, id, settings.pluginConfig().getOrDefault(id, Map.of()));
            BotRunner runner = new BotRunner(vertx, context, ctx, bot, settings.callTimeout(), meters);
            roster.track(runner);
            started.add(runner.call("start", () -> bot.start(ctx))
                    .compose(v -> runner.describe())
                    .onSuccess(v -> roster.activate(runner))
                    .onFailure(e -> {
                        log.error("plugin {}: bot {} refused to start; it receives no messages", id, runner.name());
                        runner.shutdown();
                    })
                    .otherwiseEmpty());
        }
        return Future.join(started).mapEmpty();
    }

    /** Stops the plugin's bots: each finishes its queued calls, then {@code stop()} runs on its thread. */
    private Future<Void> stopBots(String id) {
        List<Future<Void>> stopping = new ArrayList<>();
        for (BotRunner r : roster.deactivate(id)) {
            stopping.add(r.call("stop", r.bot::stop).otherwiseEmpty().andThen(ar -> r.shutdown()));
        }
        return Future.join(stopping).mapEmpty();
    }

    private void describeAll() {
        for (BotRunner r : roster.inOrder()) {
            r.describe().onSuccess(v -> roster.resort());
        }
    }

    /**
     * Runs the bots one after another, highest priority first, until one marks the message handled;
     * then, once their replies are stored, tells the message center the message is handled.
     */
    private void dispatch(Inbound inbound) {
        Handling handling = new Handling(inbound);
        if (inbound.message().from().equals(settings.userOn(inbound.message().connection()))) {
            finish(handling); // never answer ourselves
            return;
        }
        deliverFrom(roster.inOrder(), 0, handling);
    }

    private void deliverFrom(List<BotRunner> chain, int index, Handling handling) {
        if (index >= chain.size() || handling.isMarkedHandled()) {
            finish(handling);
            return;
        }
        BotRunner runner = chain.get(index);
        if (!roster.isActive(runner)) {
            handling.cutShort |= stopping; // stopped while the message was on its way: it is shown again after the restart
            deliverFrom(chain, index + 1, handling);
            return;
        }
        runner.deliver(new HostedMessageEvent(handling, runner.context, runner.replyKey())).onComplete(ar -> {
            if (ar.failed() && stopping) {
                handling.cutShort = true;
            } else if (ar.failed() && runner.consecutiveFailures >= settings.maxConsecutiveFailures()) {
                disable(runner, "after " + runner.consecutiveFailures + " consecutive failures (last: " + runner.lastError + ")");
            } else if (ar.failed() && runner.stuckThreads() >= BotRunner.MAX_STUCK_THREADS) {
                runner.lastError = runner.stuckThreads() + " threads stuck in its code, ignoring interrupts";
                disable(runner, "with " + runner.lastError);
            }
            deliverFrom(chain, index + 1, handling);
        });
    }

    /** Every bot is done: once the replies they asked for are stored, the message is handled. */
    private void finish(Handling handling) {
        if (handling.cutShort) {
            return;
        }
        handling.repliesSettled().onSuccess(handled -> {
            if (handled) {
                delivery.onSuccess(port -> port.handled(handling.inbound.message()));
            }
        });
    }

    private void disable(BotRunner runner, String why) {
        if (!roster.isActive(runner)) {
            return;
        }
        String id = runner.pluginId;
        log.error("plugin {} disabled {}; enable it again with 'imbot plugins enable {}'", id, why, id);
        for (BotRunner r : roster.deactivate(id)) {
            r.abandon("plugin " + id + " was disabled");
        }
        serialized(() -> blocking(() -> {
            manager.stopPlugin(id);
            manager.disablePlugin(id);
            return null;
        }));
    }

    // ---- the plugins folder -------------------------------------------------------------------

    private Future<Void> applyFolderChanges() {
        return blocking(watcher::scan).compose(changes -> {
            Future<Void> chain = Future.succeededFuture();
            for (PluginFolderWatcher.Change change : changes) {
                chain = chain.compose(v -> applyChange(change));
            }
            return chain;
        }).otherwise(e -> {
            log.warn("cannot scan {}: {}", settings.dir(), e.toString());
            return null;
        });
    }

    private Future<Void> applyChange(PluginFolderWatcher.Change change) {
        String id = idByFile.get(change.file());
        if (id == null && ignored.remove(change.file()) != null && change.kind() == PluginFolderWatcher.Kind.REMOVED) {
            return Future.succeededFuture(); // a set-aside older version went: nothing ran from it
        }
        return switch (change.kind()) {
            case ADDED -> loadNewest(change.file());
            case CHANGED -> id == null ? loadNewest(change.file()) : reloadPlugin(id).mapEmpty();
            case REMOVED -> id == null ? Future.succeededFuture() : unloadPlugin(id, change.file()).compose(v -> loadSetAside(id));
        };
    }

    /**
     * Loads a new file, unless it holds a plugin ID already loaded: a newer version replaces the
     * loaded one (which is set aside), an older or equal one is set aside itself.
     */
    private Future<Void> loadNewest(Path file) {
        return blocking(() -> manager.peek(file)).compose(d -> {
            PluginWrapper loaded = d == null || d.getPluginId() == null ? null : manager.getPlugin(d.getPluginId());
            if (loaded == null) {
                return loadFile(file);
            }
            Path loadedFile = PluginFiles.fileOf(loaded.getPluginPath());
            if (!manager.newer(d.getVersion(), loaded.getDescriptor().getVersion())) {
                ignore(file, d, loaded.getDescriptor(), loaded.getPluginPath());
                return Future.succeededFuture();
            }
            log.info("plugin {}: {} {} replaces {} from {}", d.getPluginId(), file.getFileName(), d.getVersion(),
                    loaded.getDescriptor().getVersion(), loadedFile.getFileName());
            PluginDescriptor old = loaded.getDescriptor();
            return unloadPlugin(d.getPluginId(), loadedFile)
                    .compose(v -> loadFile(file))
                    .compose(v -> {
                        if (manager.getPlugin(d.getPluginId()) == null) {
                            return loadFile(loadedFile); // the new jar would not load (logged): keep the old one running
                        }
                        ignore(loadedFile, old, d, file);
                        return Future.succeededFuture();
                    });
        });
    }

    /** After the loaded file of {@code id} went, the newest set-aside file of that ID, if any, takes its place. */
    private Future<Void> loadSetAside(String id) {
        Path best = null;
        for (PluginInfo p : ignored.values()) {
            if (p.id().equals(id) && (best == null || manager.newer(p.version(), ignored.get(best).version()))) {
                best = Path.of(p.path());
            }
        }
        if (best == null) {
            return Future.succeededFuture();
        }
        ignored.remove(best);
        log.info("plugin {}: loading {} in place of the removed file", id, best.getFileName());
        return loadFile(best);
    }

    private Future<Void> loadFile(Path file) {
        return blocking(() -> {
                    String id = manager.loadPlugin(file);
                    idByFile.put(file, id);
                    PluginWrapper w = manager.getPlugin(id);
                    if (w.getPluginState() != PluginState.DISABLED) {
                        manager.startPlugin(id);
                    }
                    return w;
                })
                .compose(w -> {
                    log.info("loaded plugin {} {} from {} ({})", w.getPluginId(), w.getDescriptor().getVersion(), file.getFileName(),
                            w.getPluginState());
                    return w.getPluginState() == PluginState.STARTED ? startBots(w.getPluginId()) : Future.<Void>succeededFuture();
                })
                .otherwise(e -> {
                    log.error("{}: cannot load this plugin: {}", file, e.getMessage());
                    return null;
                });
    }

    private Future<Void> unloadPlugin(String id, Path file) {
        return stopBots(id).compose(v -> blocking(() -> {
            manager.unloadPlugin(id);
            idByFile.remove(file);
            return (Void) null;
        })).onSuccess(v -> log.info("unloaded plugin {} from {}", id, file.getFileName()));
    }

    private Future<String> reloadPlugin(String id) {
        PluginWrapper old = manager.getPlugin(id);
        Path file = PluginFiles.fileOf(old.getPluginPath());
        return stopBots(id)
                .compose(v -> blocking(() -> {
                    manager.unloadPlugin(id);
                    idByFile.remove(file);
                    String newId = manager.loadPlugin(file);
                    idByFile.put(file, newId);
                    if (manager.getPlugin(newId).getPluginState() != PluginState.DISABLED) {
                        manager.startPlugin(newId);
                    }
                    return manager.getPlugin(newId);
                }))
                .compose(w -> {
                    log.info("reloaded plugin {} {} from {}", w.getPluginId(), w.getDescriptor().getVersion(), file.getFileName());
                    Future<Void> bots = w.getPluginState() == PluginState.STARTED ? startBots(w.getPluginId()) : Future.succeededFuture();
                    return bots.map("reloaded " + w.getPluginId() + " " + w.getDescriptor().getVersion() + " (" + w.getPluginState() + ")");
                });
    }

    // ---- operations for the admin API ---------------------------------------------------------

    /**
     * Reloads a plugin from its file. Safe from any thread.
     *
     * @return a line for the operator; fails with {@link IllegalArgumentException} for an unknown ID
     */
    public Future<String> reload(String id) {
        return onHostContext(() -> serialized(() -> known(id).compose(w -> reloadPlugin(id))));
    }

    /**
     * Applies the settings that can change while the daemon runs: each plugin's section of {@code
     * plugins.config} (the bots of a changed one restart with the new section) and {@code
     * plugins.replyRate}. The rest of {@code fresh} is ignored here. Safe from any thread.
     *
     * @return what changed, one line each
     */
    public Future<List<String>> apply(PluginHostSettings fresh) {
        return onHostContext(() -> serialized(() -> {
            PluginHostSettings old = settings;
            settings = new PluginHostSettings(old.dir(), old.watchInterval(), old.callTimeout(), old.maxConsecutiveFailures(),
                    fresh.replyRateCount(), fresh.replyRatePer(), old.disabled(), fresh.pluginConfig(), old.users(), old.configDir(),
                    old.dataRoot(), old.operators());
            List<String> applied = new ArrayList<>();
            if (old.replyRateCount() != fresh.replyRateCount() || !old.replyRatePer().equals(fresh.replyRatePer())) {
                services.limiter().change(fresh.replyRateCount(), fresh.replyRatePer());
                applied.add("plugins.replyRate: " + fresh.replyRateCount() + " per " + fresh.replyRatePer().toMillis() + " ms");
            }
            Set<String> ids = new TreeSet<>(old.pluginConfig().keySet());
            ids.addAll(fresh.pluginConfig().keySet());
            Future<Void> restarts = Future.succeededFuture();
            for (String id : ids) {
                if (Objects.equals(old.pluginConfig().get(id), fresh.pluginConfig().get(id))) {
                    continue;
                }
                boolean running = roster.latestOf(id).stream().anyMatch(roster::isActive);
                applied.add("plugins.config." + id + (running ? ": its bots restarted with the new settings" : ": used when it starts"));
                if (running) {
                    restarts = restarts.compose(v -> stopBots(id)).compose(v -> startBots(id));
                }
            }
            return restarts.map(v -> List.copyOf(applied));
        }));
    }

    /** Enables and starts a disabled plugin. Safe from any thread. */
    public Future<String> enable(String id) {
        return onHostContext(() -> serialized(() -> known(id).compose(w -> blocking(() -> {
                    manager.enablePlugin(id);
                    log.info("plugin {} enabled by an operator", id);
                    return manager.startPlugin(id);
                }))
                .compose(state -> state == PluginState.STARTED && roster.latestOf(id).stream().noneMatch(roster::isActive)
                        ? startBots(id).map("enabled " + id + untilRestart(id))
                        : Future.succeededFuture("enabled " + id + " (" + state + ")" + untilRestart(id)))));
    }

    private String untilRestart(String id) {
        return manager.disabledByConfiguration(id) ? "; plugins.disabled in the configuration disables it again at the next start" : "";
    }

    /** Stops a plugin's bots and disables it until enabled again, across restarts. Safe from any thread. */
    public Future<String> disable(String id) {
        return onHostContext(() -> serialized(() -> known(id)
                .compose(w -> stopBots(id))
                .compose(v -> blocking(() -> {
                    manager.stopPlugin(id);
                    manager.disablePlugin(id);
                    log.info("plugin {} disabled by an operator", id);
                    return "disabled " + id + " (until 'imbot plugins enable " + id + "', also after a restart)";
                }))));
    }

    private Future<PluginWrapper> known(String id) {
        PluginWrapper w = id == null ? null : manager.getPlugin(id);
        return w != null ? Future.succeededFuture(w) : Future.failedFuture(new IllegalArgumentException("no plugin with ID '" + id + "'"));
    }

    /** Every plugin PF4J found, with its state and counters. Safe from any thread. */
    public Future<List<PluginInfo>> plugins() {
        return onHostContext(() -> serialized(() -> {
            List<PluginInfo> all = new ArrayList<>(PluginInfos.of(manager.getPlugins(), roster));
            all.addAll(ignored.values());
            return Future.succeededFuture(List.copyOf(all));
        }));
    }

    /**
     * What the bots would answer to {@code message}, in dispatch order, without answering. Matches
     * after one that stops are marked skipped. Safe from any thread.
     */
    public Future<List<JsonObject>> explain(ChatMessage message) {
        return onHostContext(() -> Explanations.collect(roster.inOrder(), message));
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
        stopping = true;
        vertx.cancelTimer(watchTimer);
        vertx.cancelTimer(describeTimer);
        if (inbound != null) {
            inbound.unregister();
        }
        return serialized(() -> {
            List<Future<Void>> stopping = new ArrayList<>();
            roster.inOrder().stream().map(r -> r.pluginId).distinct().forEach(id -> stopping.add(stopBots(id)));
            return Future.join(stopping).compose(v -> blocking(() -> {
                if (manager != null) {
                    stopAndUnload(manager);
                }
                return null;
            }));
        });
    }
}
