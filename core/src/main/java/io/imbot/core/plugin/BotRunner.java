package io.imbot.core.plugin;

import io.imbot.api.BotCommand;
import io.imbot.api.ReplyBot;
import io.imbot.core.metrics.Meters;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one bot: every call happens on the bot's own worker thread, in order, with a time budget.
 * A call that throws or overruns is logged with the plugin's ID and counted; a bot stuck in a call
 * is abandoned to its thread and gets a fresh one. Results are reported on the host's context.
 */
final class BotRunner {

    private static final Logger log = LoggerFactory.getLogger(BotRunner.class);
    private static final int QUEUE_LIMIT = 10_000;
    /** Threads given up on that still run; beyond this the plugin is disabled, so stuck code cannot pile up threads. */
    static final int MAX_STUCK_THREADS = 3;

    final String pluginId;
    final ReplyBot bot;
    final HostedBotContext context;
    private final Vertx vertx;
    private final Context hostContext;
    private final Duration budget;
    private ExecutorService executor;
    private int threadNumber;
    /** Executors whose thread was given up on (host context); dropped once that thread ends. */
    private final List<ExecutorService> abandoned = new ArrayList<>();

    // what the bot says of itself, read on its own thread by describe()
    private volatile String name;
    private volatile int priority;
    private volatile List<BotCommand> commands = List.of();

    private final Meters meters;

    // counters, written on the host context
    long messages;
    long failures;
    long timeouts;
    int consecutiveFailures;
    String lastError = "";

    BotRunner(Vertx vertx, Context hostContext, HostedBotContext context, ReplyBot bot, Duration budget, Meters meters) {
        this.vertx = vertx;
        this.meters = meters;
        this.hostContext = hostContext;
        this.context = context;
        this.pluginId = context.pluginId();
        this.bot = bot;
        this.budget = budget;
        this.executor = newExecutor();
        this.name = bot.getClass().getSimpleName();
        context.bind(this);
    }

    String name() {
        return name;
    }

    int priority() {
        return priority;
    }

    List<BotCommand> commands() {
        return commands;
    }

    /** Asks the bot (on its thread) for its name, priority and commands, which may change at run time. */
    Future<Void> describe() {
        return call("describe", false, () -> {
            String n = bot.name();
            int p = bot.priority();
            List<BotCommand> c = List.copyOf(bot.commands());
            name = n == null || n.isBlank() ? bot.getClass().getSimpleName() : n;
            priority = p;
            commands = c;
        });
    }

    /**
     * Runs {@code work} on the bot's thread; completes on the host context, failed on error or
     * overrun. The budget starts when the call starts running, not while it waits in the queue.
     */
    Future<Void> call(String what, BotCall work) {
        return call(what, true, work);
    }

    /**
     * {@link #call}; a success ends the run of consecutive failures only when {@code
     * successEndsFailureRun}: the host's periodic {@link #describe} succeeding says nothing about whether the bot
     * can handle messages, and must not keep a bot that fails on every message from being disabled.
     */
    private Future<Void> call(String what, boolean successEndsFailureRun, BotCall work) {
        Promise<Void> done = Promise.promise();
        try {
            executor.execute(new QueuedCall(done, () -> {
                hostContext.runOnContext(v -> armBudget(done));
                try {
                    work.run();
                    hostContext.runOnContext(v -> done.tryComplete());
                } catch (Throwable t) {
                    hostContext.runOnContext(v -> done.tryFail(t));
                }
            }));
        } catch (RejectedExecutionException e) {
            done.tryFail(new RejectedExecutionException(QUEUE_LIMIT + " calls are already queued for this bot"));
        }
        return done.future().andThen(ar -> {
            if (ar.succeeded()) {
                if (successEndsFailureRun) {
                    consecutiveFailures = 0;
                }
            } else {
                recordFailure(what, ar.cause());
            }
        });
    }

    private void armBudget(Promise<Void> done) {
        if (done.future().isComplete()) {
            return;
        }
        long timer = vertx.setTimer(budget.toMillis(), id -> done.tryFail(new TimeoutException(
                "did not return within " + budget.toMillis() + " ms")));
        done.future().onComplete(ar -> vertx.cancelTimer(timer));
    }

    /** Like {@link #call}, from any thread, without waiting: the failure is counted and logged. */
    void submit(String what, BotCall work) {
        hostContext.runOnContext(v -> call(what, work));
    }

    /** Runs {@code task} on the bot's thread without waiting, logging what it throws. */
    void execute(String what, Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    log.warn("plugin {}: {} failed: {}", pluginId, what, t.toString(), t);
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("plugin {}: {} dropped: the bot's queue is full or stopped", pluginId, what);
        }
    }

    private void recordFailure(String what, Throwable cause) {
        failures++;
        consecutiveFailures++;
        lastError = what + ": " + cause;
        if (cause instanceof TimeoutException) {
            timeouts++;
            log.warn("plugin {}: bot {} {} on {}; moving on without it", pluginId, name(), cause.getMessage(), what);
            replaceStuckThread();
        } else {
            log.warn("plugin {}: bot {} failed on {}: {}", pluginId, name(), what, cause.toString(), cause);
        }
    }

    /**
     * The old thread may never return: it is interrupted, and the calls queued behind it move, in
     * order, to a new one. Code that ignores the interrupt keeps its thread; those are counted.
     */
    private void replaceStuckThread() {
        ExecutorService stuck = executor;
        executor = newExecutor();
        for (Runnable queued : stuck.shutdownNow()) {
            executor.execute(queued);
        }
        abandoned.add(stuck);
        log.warn("plugin {}: bot {}'s thread was interrupted and replaced; {} of its threads are still stuck in its code",
                pluginId, name(), stuckThreads());
    }

    /** Threads given up on that have not ended yet: code that ignores interrupts. Call on the host context. */
    int stuckThreads() {
        abandoned.removeIf(ExecutorService::isTerminated);
        return abandoned.size();
    }

    /** Cancels the bot's scheduled tasks and stops its thread after the calls already queued. */
    void shutdown() {
        context.cancelAll();
        executor.shutdown();
    }

    /** Stops the bot at once: queued calls fail without running (the plugin was disabled). */
    void abandon(String why) {
        context.cancelAll();
        for (Runnable queued : executor.shutdownNow()) {
            if (queued instanceof QueuedCall call) {
                call.done.tryFail(new RejectedExecutionException(why));
            }
        }
    }

    /** A call waiting in the bot's queue, with the promise to fail if it never runs. */
    private record QueuedCall(Promise<Void> done, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }
    }

    private ExecutorService newExecutor() {
        int n = ++threadNumber;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE_LIMIT), r -> {
            Thread t = new Thread(r, "bot-" + pluginId + "-" + n);
            t.setDaemon(true);
            return t;
        });
        return pool;
    }

    /** Work on the bot's thread that may throw. */
    @FunctionalInterface
    interface BotCall {
        void run() throws Exception;
    }

    /** A message delivered to the bot. */
    Future<Void> deliver(HostedMessageEvent event) {
        messages++;
        long handedOver = System.nanoTime();
        return call("message " + event.message().id(), () -> event.runOnMessage(bot)).andThen(ar -> meters.pluginCall(pluginId,
                ar.succeeded() ? "ok" : ar.cause() instanceof TimeoutException ? "timed_out" : "failed", System.nanoTime() - handedOver));
    }

    /** Names this bot among all bots for reply IDs: its plugin and its class. */
    String replyKey() {
        return pluginId + "/" + bot.getClass().getName();
    }
}
