package io.imbot.bench;

import io.imbot.core.delivery.DeliveryCounters;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.core.delivery.MessageCenter;
import io.imbot.core.history.VolatileMessageStore;
import io.imbot.plugins.imbotconnector.ImbotConnector;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

/**
 * Runs in its own JVM (started with {@code -Xmx1g}): a delivery engine against a server that
 * withholds every ACK, filled to each requested number of pending messages; prints the heap each
 * pending message costs beyond its body. The store is the engine's {@link VolatileMessageStore}
 * (bounded, keeps the last 1000 records), so the figure is the engine's own bookkeeping.
 *
 * <p>Output: {@code RESULT pending=N bytesPerPending=B heapUsed=H} per level, then {@code DONE}.
 */
public final class MemoryProbe {

    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String[] levels = args[1].split(",");
        String user = "memprobe" + ProcessHandle.current().pid();
        Vertx vertx = Vertx.vertx();
        DeliveryCounters counters = new DeliveryCounters();
        DeliverySettings settings = new DeliverySettings(Duration.ofMinutes(30), 3, Duration.ofHours(2), 1000, 2_000_000,
                Duration.ofMillis(100), 65536);
        String room = "#sink-" + user;
        MessageCenter center = new MessageCenter(settings,
                new ImbotConnector(vertx, ImbotOptions.defaults("127.0.0.1", port, user).withRooms(List.of(room))),
                new VolatileMessageStore(), user, counters);
        vertx.deployVerticle(center).toCompletionStage().toCompletableFuture().get();
        while (!counters.connected()) {
            Thread.sleep(5);
        }
        // Warm the path with a few messages so classes and JIT are not counted per message.
        long sent = fill(vertx, center, counters, 0, 2000, room);
        long before = usedAfterGc();
        long sentBase = sent;
        for (String level : levels) {
            long target = Long.parseLong(level) + sentBase;
            sent = fill(vertx, center, counters, sent, target, room);
            long used = usedAfterGc();
            long pending = sent - sentBase;
            double perPending = (double) (used - before) / pending - bodyBytes();
            System.out.printf("RESULT pending=%d bytesPerPending=%.1f heapUsed=%d%n", pending, perPending, used);
        }
        System.out.println("DONE");
        System.exit(0);
    }

    /** Sends until {@code target} messages are pending; on the engine's context, in slices. */
    private static long fill(Vertx vertx, MessageCenter center, DeliveryCounters counters, long from, long target, String room)
            throws InterruptedException {
        io.vertx.core.Context ctx = center.context();
        long n = from;
        while (n < target) {
            long sliceEnd = Math.min(target, n + 10_000);
            long start = n;
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            ctx.runOnContext(v -> {
                for (long i = start; i < sliceEnd; i++) {
                    center.send(room, Payload.body(i));
                }
                done.countDown();
            });
            done.await();
            n = sliceEnd;
        }
        while (counters.pending() < target) {
            Thread.sleep(5);
        }
        return n;
    }

    /** Retained size of one distinct body: the String (24 bytes) and its Latin-1 byte array (16 + n, 8-aligned). */
    static long bodyBytes() {
        return 24 + ((16 + Payload.BODY_CHARS + 7) / 8) * 8;
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
