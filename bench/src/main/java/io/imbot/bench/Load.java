package io.imbot.bench;

import io.vertx.core.Context;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Load drivers. A {@link Target} sends one message and reports its end; the drivers keep a fixed
 * number in flight (closed loop) or offer a fixed rate (open loop, latency from the intended send
 * time, so a stall is not hidden), and record latencies in an HdrHistogram. Bounded in time; a
 * driver stops by itself.
 */
final class Load {

    private Load() {}

    /** Something that sends one message; calls {@code done} once it ended (acknowledged or not). */
    interface Target {
        void send(long seq, Done done);
    }

    /** Completion of one send. */
    interface Done {
        void ended(boolean ok);
    }

    /**
     * What a run measured: the sends started (or planned) inside the measurement interval that ended
     * well, over the interval's length, and their latencies; {@code failures} ended badly or were
     * never sent (an open loop over its outstanding bound), {@code unfinished} had not ended 10 s
     * after the interval.
     */
    record Result(long count, double seconds, Histogram latency, long failures, long unfinished) {
        double rate() {
            return count / seconds;
        }

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
    }

    /** Keeps {@code window} sends in flight for warmup + measure, then lets the rest finish. */
    static Result closedLoop(Context ctx, Target target, int window, double warmupS, double measureS) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(ctx, target, warmupS, measureS);
        ctx.runOnContext(v -> loop.start(window));
        return loop.await();
    }

    /** Runs {@code target} with {@code window} in flight from the calling thread (targets with their own threads). */
    static Result closedLoopDirect(Target target, int window, double warmupS, double measureS) throws InterruptedException {
        ClosedLoop loop = new ClosedLoop(null, target, warmupS, measureS);
        loop.start(window);
        return loop.await();
    }

    /** Offers {@code rate} sends per second for warmup + measure; latency counts from each send's planned time. */
    static Result openLoop(Context ctx, Target target, double rate, double warmupS, double measureS, int maxOutstanding)
            throws InterruptedException {
        OpenLoop loop = new OpenLoop(ctx, target, rate, warmupS, measureS, maxOutstanding);
        ctx.runOnContext(v -> loop.start());
        return loop.await();
    }

    private abstract static class Driver {
        final Target target;
        final long startNs = System.nanoTime();
        final long measureFrom;
        final long measureTo;
        final double measureS;
        final Histogram hist = histogram();
        long count;
        long failures;
        long outstanding;
        long seq;
        boolean sending; // inside target.send: an end reported now completed at once

        Driver(Target target, double warmupS, double measureS) {
            this.target = target;
            this.measureS = measureS;
            this.measureFrom = startNs + (long) (warmupS * 1e9);
            this.measureTo = measureFrom + (long) (measureS * 1e9);
        }

        /** Sends one message planned for {@code plannedNs}. */
        final synchronized void fire(long plannedNs) {
            outstanding++;
            long s = seq++;
            sending = true;
            try {
                target.send(s, ok -> ended(plannedNs, ok));
            } finally {
                sending = false;
            }
        }

        final synchronized void ended(long plannedNs, boolean ok) {
            long now = System.nanoTime();
            outstanding--;
            if (!ok) {
                failures++;
            } else if (plannedNs >= measureFrom && plannedNs < measureTo) {
                hist.recordValue(Math.min(now - plannedNs, hist.getHighestTrackableValue()));
                count++;
            }
            afterEnd(now, ok);
        }

        abstract void afterEnd(long now, boolean ok);

        Result await() throws InterruptedException {
            long endWait = measureTo + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < measureTo) {
                Thread.sleep(20);
            }
            while (System.nanoTime() < endWait) {
                synchronized (this) {
                    if (outstanding == 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            synchronized (this) {
                return new Result(count, measureS, hist, failures, outstanding);
            }
        }
    }

    private static final class ClosedLoop extends Driver {
        private final Context ctx;

        /** {@code ctx}: where sends start, or {@code null} for a target with threads of its own. */
        ClosedLoop(Context ctx, Target target, double warmupS, double measureS) {
            super(target, warmupS, measureS);
            this.ctx = ctx;
        }

        void start(int window) {
            for (int i = 0; i < window; i++) {
                fire(System.nanoTime());
            }
        }

        @Override
        void afterEnd(long now, boolean ok) {
            if (!ok || now >= measureTo) {
                return; // a failed send shrinks the window instead of spinning
            }
            if (sending && ctx != null) {
                // Ended inside send (a write into an idle socket): send the next on a later turn of
                // the loop, or the loop recurses (send, ended, send ...) and holds the event loop.
                ctx.runOnContext(v -> fire(System.nanoTime()));
            } else {
                fire(now);
            }
        }
    }

    private static final class OpenLoop extends Driver {
        private final Context ctx;
        private final double rate;
        private final int maxOutstanding;
        private long planned;

        OpenLoop(Context ctx, Target target, double rate, double warmupS, double measureS, int maxOutstanding) {
            super(target, warmupS, measureS);
            this.ctx = ctx;
            this.rate = rate;
            this.maxOutstanding = maxOutstanding;
        }

        void start() {
            ctx.owner().setPeriodic(1, id -> {
                long now = System.nanoTime();
                if (now >= measureTo) {
                    ctx.owner().cancelTimer(id);
                    return;
                }
                long due = (long) ((now - startNs) * rate / 1e9) + 1; // message k is due at startNs + k / rate
                while (planned < due) {
                    long plannedNs = startNs + (long) (planned * 1e9 / rate);
                    planned++;
                    synchronized (this) {
                        if (outstanding >= maxOutstanding) {
                            failures++; // not sustained: counted as a failure, never silently skipped
                            continue;
                        }
                    }
                    fire(plannedNs);
                }
            });
        }

        @Override
        void afterEnd(long now, boolean ok) {}
    }
}
