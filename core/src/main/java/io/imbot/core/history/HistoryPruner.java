package io.imbot.core.history;

import io.imbot.core.config.ImbotConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention ({@code history.keep}): every {@code history.pruneEvery}, removes the messages older
 * than {@code keep.age} and those of each conversation beyond its newest {@code
 * keep.perConversation}, {@code pruneBatch} rows per transaction, one batch after another, so the
 * writers never wait for a long delete. What a restart needs is never removed (see {@link
 * JdbcMessageStore#pruneStoredBefore}). Runs on the context that calls {@link #start}.
 */
public final class HistoryPruner {

    private static final Logger log = LoggerFactory.getLogger(HistoryPruner.class);

    private final Vertx vertx;
    private final JdbcMessageStore store;
    private final ImbotConfig.History settings;
    private final Clock clock;
    private final IntConsumer pruned;
    private long timer = -1;
    private volatile boolean stopped;
    private volatile Future<Integer> running = Future.succeededFuture(0);

    /** @param pruned told how many messages each batch removed (for the metrics) */
    public HistoryPruner(Vertx vertx, JdbcMessageStore store, ImbotConfig.History settings, Clock clock, IntConsumer pruned) {
        this.vertx = vertx;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.pruned = pruned;
    }

    /** Schedules the passes; none when {@code history.keep} keeps everything. */
    public void start() {
        if (settings.prunes()) {
            schedule();
        }
    }

    /** One pass now: by age, then by count. Completes with the number removed. */
    public Future<Integer> runOnce() {
        running = byAge().compose(byAge -> byCount().map(byCount -> byAge + byCount))
                .onSuccess(n -> {
                    if (n > 0) {
                        log.info("history retention removed {} messages", n);
                    }
                })
                .onFailure(e -> log.warn("history retention failed, trying again in {}: {}", settings.pruneEvery(), e.getMessage()));
        return running;
    }

    /** Stops scheduling; completes once a pass under way has ended its batch. */
    public Future<Void> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return running.<Void>mapEmpty().otherwiseEmpty();
    }

    private void schedule() {
        timer = vertx.setTimer(settings.pruneEvery().toMillis(), id -> runOnce().onComplete(ar -> {
            if (!stopped) {
                schedule();
            }
        }));
    }

    private Future<Integer> byAge() {
        if (settings.keepAge() == null) {
            return Future.succeededFuture(0);
        }
        var before = clock.instant().minus(settings.keepAge());
        return batches(() -> store.pruneStoredBefore(before, settings.pruneBatch()), 0);
    }

    private Future<Integer> byCount() {
        int keep = settings.keepPerConversation();
        if (keep <= 0) {
            return Future.succeededFuture(0);
        }
        return store.conversationsOver(keep).compose(list -> eachConversation(list, 0, keep, 0));
    }

    private Future<Integer> eachConversation(List<List<String>> list, int i, int keep, int total) {
        if (i == list.size() || stopped) {
            return Future.succeededFuture(total);
        }
        List<String> c = list.get(i);
        return batches(() -> store.pruneConversation(c.get(0), c.get(1), keep, settings.pruneBatch()), 0)
                .compose(n -> eachConversation(list, i + 1, keep, total + n));
    }

    /** Runs {@code batch} again while it removes a full batch (and the pruner runs). */
    private Future<Integer> batches(Supplier<Future<Integer>> batch, int total) {
        if (stopped) {
            return Future.succeededFuture(total);
        }
        return batch.get().compose(n -> {
            pruned.accept(n);
            return n < settings.pruneBatch() ? Future.succeededFuture(total + n) : batches(batch, total + n);
        });
    }
}
