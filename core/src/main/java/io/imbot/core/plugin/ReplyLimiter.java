package io.imbot.core.plugin;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code count} bot messages per conversation within a sliding window. Stops two bots (or
 * a bot and an echoing user) from talking to each other forever. Thread-safe.
 */
final class ReplyLimiter {

    private int count;
    private long windowNanos;
    private final Map<String, ArrayDeque<Long>> sent = new HashMap<>();

    ReplyLimiter(int count, Duration window) {
        this.count = count;
        this.windowNanos = window.toNanos();
    }

    /** Changes the limit; slots already taken keep counting. */
    synchronized void change(int newCount, Duration window) {
        count = newCount;
        windowNanos = window.toNanos();
    }

    /** Takes one slot for {@code conversation}; returns {@code false} when the window is full. */
    synchronized boolean tryAcquire(String conversation) {
        long now = System.nanoTime();
        ArrayDeque<Long> times = sent.computeIfAbsent(conversation, k -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.pollFirst();
        }
        if (times.size() >= count) {
            return false;
        }
        times.addLast(now);
        if (sent.size() > 10_000) {
            sent.values().removeIf(ArrayDeque::isEmpty);
        }
        return true;
    }
}
