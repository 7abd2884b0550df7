package io.imbot.core.fault;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.config.ConfigLoader;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.daemon.Daemon;
import io.imbot.core.delivery.Addresses;
import io.imbot.core.delivery.DeliveryOutcome;
import io.imbot.core.delivery.LocalCodecs;
import io.imbot.core.delivery.SendRequest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real daemon (no embedded server, no admin API, no plugins) in a JVM of its own, so a test can
 * kill it with SIGKILL, sending through its event-bus address. Prints {@code STORED n} once n sends
 * are durable and {@code IDLE} when nothing is pending. Arguments: IM server port, home folder,
 * messages to send (0: only finish what the database holds), then any settings as {@code key=value}.
 */
public final class SenderProcess {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Properties p = new Properties();
        p.setProperty("imbot.server.embedded", "false");
        p.setProperty("imbot.server.port", args[0]);
        p.setProperty("imbot.admin.enabled", "false");
        p.setProperty("imbot.database.lockWait", "60s");
        p.setProperty("imbot.delivery.ackTimeout", "1s");
        p.setProperty("imbot.delivery.maxAttempts", "100");
        p.setProperty("imbot.delivery.deadline", "10m");
        p.setProperty("imbot.delivery.window", "100");
        p.setProperty("imbot.delivery.backlog", "20000");
        for (int i = 3; i < args.length; i++) { // more settings, as key=value
            String[] kv = args[i].split("=", 2);
            p.setProperty("imbot." + kv[0], kv[1]);
        }
        ImbotConfig config = new ConfigLoader(Map.of(), p).load(home, null);

        Vertx vertx = Vertx.vertx();
        AtomicInteger stored = new AtomicInteger();
        LocalCodecs.register(vertx);
        vertx.eventBus().<DeliveryOutcome>consumer(Addresses.DELIVERY_STATUS, m -> {
            if (m.body().status() == DeliveryStatus.PENDING && stored.incrementAndGet() == count) {
                System.out.println("STORED " + count);
            }
        });
        long t0 = System.nanoTime();
        Daemon daemon = Daemon.start(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        System.out.println("STARTED in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        for (int i = 0; i < count; i++) {
            vertx.eventBus().request(Addresses.SEND, SendRequest.fresh("alice", String.format("msg-%05d", i)),
                    new DeliveryOptions().setSendTimeout(Duration.ofMinutes(15).toMillis()));
        }
        vertx.setPeriodic(50, id -> {
            if (daemon.counters().pending() == 0 && stored.get() >= count) {
                System.out.println("IDLE acknowledged=" + daemon.counters().acknowledged());
                vertx.cancelTimer(id);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                System.out.println("STOPPED");
            } catch (Exception e) {
                System.out.println("STOP-FAILED " + e);
            }
        }));
        Thread.currentThread().join();
    }
}
