package io.imbot.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tester's logs and the exceptions bot code threw. Calls into bot code go through {@link
 * #call}, which catches like the daemon does; {@link #failIfStrict} then turns new failures into
 * one {@link AssertionError} for a strict tester.
 */
final class FailureLog {

    /** A call into bot code. */
    interface BotCall {
        void run() throws Exception;
    }

    private final String pluginId;
    private final boolean strict;
    private final List<LogEntry> logs = Collections.synchronizedList(new ArrayList<>());
    private final List<BotFailure> failures = Collections.synchronizedList(new ArrayList<>());

    FailureLog(String pluginId, boolean strict) {
        this.pluginId = pluginId;
        this.strict = strict;
    }

    /** A logger writing into these logs. */
    System.Logger newLogger() {
        return new CapturingLogger(pluginId, logs);
    }

    /** Runs bot code; an exception (or failed assertion) it throws is recorded, not passed on. */
    void call(String bot, String during, BotCall call) {
        try {
            call.run();
        } catch (Exception | AssertionError e) {
            record(bot, during, e);
        }
    }

    void record(String bot, String during, Throwable e) {
        failures.add(new BotFailure(bot, during, e));
        logs.add(new LogEntry(pluginId, System.Logger.Level.ERROR, "bot " + bot + " failed during " + during, e));
    }

    /** How many failures there are so far; pass it to {@link #failIfStrict} after the call. */
    int mark() {
        return failures.size();
    }

    /** When strict, throws an {@link AssertionError} for the failures recorded since {@code mark}. */
    void failIfStrict(int mark) {
        List<BotFailure> all = failures();
        if (strict && all.size() > mark) {
            List<BotFailure> fresh = all.subList(mark, all.size());
            AssertionError error = new AssertionError(
                    "bot code threw (call lenient() on the builder to allow it): " + fresh, fresh.get(0).error());
            fresh.stream().skip(1).forEach(f -> error.addSuppressed(f.error()));
            throw error;
        }
    }

    List<LogEntry> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    List<BotFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
