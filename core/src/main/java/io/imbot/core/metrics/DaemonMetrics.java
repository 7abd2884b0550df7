package io.imbot.core.metrics;

import io.imbot.core.delivery.DeliveryCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The daemon's Prometheus registry: the delivery counters read at scrape time, each connection's
 * state, and the JVM's own figures. What {@code GET /metrics} answers; docs/OPERATIONS.md lists it.
 */
public final class DaemonMetrics {

    private DaemonMetrics() {}

    /** A registry with the JVM's memory, GC, threads, class loading, CPU and uptime. */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // Two of Micrometer's processor meters break Prometheus's naming rules (promtool says so); the rest stay.
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count")));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Binds the delivery counters, and a 0/1 state per connection in {@code connections}. */
    public static void bind(MeterRegistry r, DeliveryCounters c, List<String> connections) {
        count(r, c, "imbot.messages.accepted", "sends accepted and stored", DeliveryCounters::accepted);
        count(r, c, "imbot.messages.acknowledged", "sends the network confirmed", DeliveryCounters::acknowledged);
        count(r, c, "imbot.messages.sent.unconfirmed", "sends written to a network that confirms nothing", DeliveryCounters::sent);
        count(r, c, "imbot.messages.timed.out", "sends that got no ACK within their attempts or deadline", DeliveryCounters::timedOut);
        count(r, c, "imbot.messages.refused", "sends refused at once (invalid, backlog full)", DeliveryCounters::refused);
        count(r, c, "imbot.retransmissions", "transmissions after a message's first", DeliveryCounters::retransmissions);
        count(r, c, "imbot.acks.late", "ACKs for messages that had already timed out", DeliveryCounters::lateAcks);
        count(r, c, "imbot.inbound.received", "inbound messages stored", DeliveryCounters::received);
        count(r, c, "imbot.inbound.duplicates", "inbound copies of stored messages, dropped", DeliveryCounters::duplicatesDropped);
        count(r, c, "imbot.inbound.redispatched", "stored messages shown to the bots again at a start", DeliveryCounters::redispatched);
        count(r, c, "imbot.inbound.store.failures", "times an inbound message could not be stored (it is retried)",
                DeliveryCounters::inboundStoreFailures);
        count(r, c, "imbot.inbound.too.long", "inbound messages over delivery.maxBodyChars, dropped", DeliveryCounters::inboundTooLong);
        gauge(r, c, "imbot.messages.pending", "sends not finished yet", DeliveryCounters::pending);
        gauge(r, c, "imbot.messages.in.flight", "sends written and awaiting their ACK", DeliveryCounters::inFlight);
        gauge(r, c, "imbot.inbound.unhandled", "stored inbound messages the bots have not finished", DeliveryCounters::unhandled);
        for (String name : connections) {
            Gauge.builder("imbot.connection.up", c, x -> x.isUp(name) ? 1 : 0).description("1 while the connection is logged in")
                    .tag("connection", name).register(r);
        }
    }

    private static void count(MeterRegistry r, DeliveryCounters c, String name, String description, ToDoubleFunction<DeliveryCounters> f) {
        FunctionCounter.builder(name, c, f).description(description).register(r);
    }

    private static void gauge(MeterRegistry r, DeliveryCounters c, String name, String description, ToDoubleFunction<DeliveryCounters> f) {
        Gauge.builder(name, c, f).description(description).strongReference(true).register(r);
    }
}
