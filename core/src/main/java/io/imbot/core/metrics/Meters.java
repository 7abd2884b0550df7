package io.imbot.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's own meters, named once here so that names, labels and buckets stay consistent.
 * Labels are bounded: a connection's name or a plugin's ID (both from the configuration or the
 * plugins folder) and a handful of fixed outcomes; never a user, a room or a message.
 *
 * <p>{@link #NONE} records nothing, for engines and hosts that run without a registry (tests,
 * tools).
 */
public final class Meters {

    /** Meters that record nothing. */
    public static final Meters NONE = new Meters(new CompositeMeterRegistry());

    /** Buckets of the latency histograms: 1 ms to 30 s. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;

    /** Meters in {@code registry}. */
    public Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The registry itself, for what binds its own meters (counters read at scrape time, JVM metrics). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Time from a message's first transmission to its confirmation, on one connection. */
    public Timer ackLatency(String connection) {
        return Timer.builder("imbot.ack.latency").description("from a message's first transmission to its ACK")
                .tag("connection", connection).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    /** Sends that ended {@code FAILED}, by connection and typed reason (a fixed set). */
    public Counter failed(String connection, String reason) {
        return Counter.builder("imbot.messages.failed").description("sends that ended FAILED, by reason")
                .tags("connection", connection, "reason", reason).register(registry);
    }

    /** Connection losses after a successful login, on one connection. */
    public Counter connectionLosses(String connection) {
        return Counter.builder("imbot.connection.losses").description("connections lost after logging in")
                .tag("connection", connection).register(registry);
    }

    /** Attempts to connect or log in that failed, on one connection. */
    public Counter failedAttempts(String connection) {
        return Counter.builder("imbot.connection.failed.attempts").description("attempts to connect or log in that failed")
                .tag("connection", connection).register(registry);
    }

    /** Records the history store's commits: how long each took and how many writes it held. */
    public CommitMeters commits() {
        Timer latency = Timer.builder("imbot.store.commit").description("durable commits of the history store")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        DistributionSummary batch = DistributionSummary.builder("imbot.store.commit.batch").description("writes per durable commit")
                .baseUnit("writes").serviceLevelObjectives(1, 10, 100, 1000, 10_000).register(registry);
        return new CommitMeters(latency, batch);
    }

    /** The commit meters, recorded from the writer's thread (Micrometer's meters are thread-safe). */
    public record CommitMeters(Timer latency, DistributionSummary batch) {
        /** One commit of {@code writes} writes that took {@code nanos}. */
        public void record(int writes, long nanos) {
            latency.record(nanos, TimeUnit.NANOSECONDS);
            batch.record(writes);
        }
    }

    /** Adds {@code n} messages removed by the history's retention (0 makes the meter appear). */
    public void pruned(int n) {
        Counter.builder("imbot.history.pruned").description("messages removed from the history by retention (history.keep)")
                .register(registry).increment(n);
    }

    /**
     * Records one message handed to a plugin's bot: how long until it returned, and how it ended.
     *
     * @param outcome {@code ok}, {@code failed} or {@code timed_out}
     */
    public void pluginCall(String plugin, String outcome, long nanos) {
        Timer.builder("imbot.plugin.calls").description("messages handed to a plugin's bots, from hand-over to return")
                .tags("plugin", plugin, "outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
