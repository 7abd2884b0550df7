package io.imbot.testkit;

import io.imbot.api.Cancellable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.BiConsumer;

/**
 * Scheduled tasks on the tester's virtual time line. Nothing runs by itself: {@link #runUntil}
 * runs every task due up to an instant, in due order (ties in scheduling order), moving the clock
 * to each task's due time before running it.
 *
 * <p>The queue is guarded by this object's lock; tasks run outside the lock, so a task may
 * schedule or cancel others.
 */
final class VirtualScheduler {

    private final ManualClock clock;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq));
    private long nextSeq;

    VirtualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /** Schedules {@code task} at now + {@code delay}, then every {@code period} if that is not null. */
    synchronized Cancellable schedule(String owner, Duration delay, Duration period, Runnable task) {
        Task t = new Task(owner, task, period, clock.instant().plus(delay), nextSeq++);
        queue.add(t);
        return () -> cancel(t);
    }

    /** Runs every task due at or before {@code end}, then leaves the clock at {@code end}. */
    void runUntil(Instant end, BiConsumer<String, Throwable> onFailure) {
        Task task;
        while ((task = pollDue(end)) != null) {
            clock.moveTo(task.due);
            try {
                task.work.run();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                onFailure.accept(task.owner, e);
            }
            reschedule(task);
        }
        clock.moveTo(end);
    }

    /** How many tasks are waiting. */
    synchronized int size() {
        return queue.size();
    }

    /** Drops every waiting task. */
    synchronized void cancelAll() {
        queue.forEach(t -> t.cancelled = true);
        queue.clear();
    }

    private synchronized Task pollDue(Instant end) {
        Task head = queue.peek();
        if (head == null || head.due.isAfter(end)) {
            return null;
        }
        return queue.poll();
    }

    private synchronized void reschedule(Task task) {
        if (task.period != null && !task.cancelled) {
            task.due = task.due.plus(task.period);
            task.seq = nextSeq++;
            queue.add(task);
        }
    }

    private synchronized void cancel(Task task) {
        task.cancelled = true;
        queue.remove(task);
    }

    /** One scheduled task; {@code due} and {@code seq} change only while it is out of the queue. */
    private static final class Task {
        final String owner;
        final Runnable work;
        final Duration period;
        Instant due;
        long seq;
        boolean cancelled;

        Task(String owner, Runnable work, Duration period, Instant due, long seq) {
            this.owner = owner;
            this.work = work;
            this.period = period;
            this.due = due;
            this.seq = seq;
        }
    }
}
