package io.imbot.bench;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;

/**
 * Part 3 and the daemon's resident memory: the built daemon ({@code bin/imbot run}) connected to the
 * reference server's JVM, the auto-reply plugin holding 100 rules; a person sends at a fixed rate
 * and waits for each reply. Then rising rates, to find the highest one the daemon keeps up with.
 */
final class ReplyBench {

    private final Vertx vertx;
    private final Options o;
    private final Samples s;
    private final int serverPort;
    private int runId;

    ReplyBench(Vertx vertx, Options o, Samples s, int serverPort) {
        this.vertx = vertx;
        this.o = o;
        this.s = s;
        this.serverPort = serverPort;
    }

    void runOnce() throws Exception {
        String bot = "bot" + ProcessHandle.current().pid() + "r" + (runId++);
        Path home = DaemonProcess.home(ReplyTarget.rules());
        List<String> settings = new java.util.ArrayList<>(List.of("-Dimbot.server.embedded=false", "-Dimbot.server.port=" + serverPort,
                "-Dimbot.admin.enabled=false", "-Dimbot.bot.user=" + bot, "-Dimbot.plugins.replyRate.count=100000", "-Dimbot.plugins.replyRate.per=1s"));
        String extra = System.getenv("BENCH_DAEMON_OPTS"); // for profiling, e.g. -XX:StartFlightRecording=...
        if (extra != null && !extra.isBlank()) {
            settings.addAll(List.of(extra.trim().split("\\s+")));
        }
        try (DaemonProcess daemon = DaemonProcess.run(home, settings, false, o.verbose())) {
            Thread.sleep(o.quick() ? 500 : 3000);
            s.add("rss.idle", Env.rssBytes(daemon.pid()) / 1048576.0);
            ReplyTarget t = ReplyTarget.connect(vertx, serverPort, "alice-" + bot, bot);
            try {
                int rate = Integer.getInteger("bench.replyRate", o.quick() ? 200 : 1000); // -Dbench.replyRate to explore
                // A fresh JVM compiles its hot paths in the first seconds: warm up at the same rate first.
                Load.Result r = Load.openLoop(t.context(), t, rate, o.quick() ? o.warmup() : 12, o.quick() ? 1 : 10, rate * 5);
                s.add("reply.r1000.rate", r.rate());
                s.addLatency("reply.r1000", r);
                s.add("rss.load", Env.rssBytes(daemon.pid()) / 1048576.0);
                s.add("reply.max", maxSustained(t));
                if (o.verbose()) {
                    System.err.printf("  reply at %d/s: p50 %.2f p99 %.2f p99.9 %.2f ms, failed %d%n", rate, r.p(50), r.p(99), r.p(99.9),
                            r.failures() + r.unfinished());
                }
            } finally {
                t.close();
            }
        }
    }

    /**
     * The highest offered rate of a rising series at which every reply arrived, at the offered rate,
     * with a median under 100 ms (a queue that grows makes the median grow with it).
     */
    private double maxSustained(ReplyTarget t) throws Exception {
        int[] rates = o.quick() ? new int[] {500, 1000} : new int[] {1000, 2000, 4000, 6000, 8000, 12000, 16000, 24000, 32000};
        double best = 0;
        for (int rate : rates) {
            Load.Result r = Load.openLoop(t.context(), t, rate, o.quick() ? 0.3 : 1, o.quick() ? 0.7 : 3, rate);
            // A queue that grows for the whole step pushes the median up with it; a GC pause only moves the tail.
            boolean kept = r.failures() == 0 && r.unfinished() == 0 && r.rate() >= 0.97 * rate && r.p(50) < 100;
            if (o.verbose()) {
                System.err.printf("  reply step %d/s: got %.0f/s p99 %.1f ms failed %d -> %s%n", rate, r.rate(), r.p(99),
                        r.failures() + r.unfinished(), kept ? "kept up" : "fell behind");
            }
            if (!kept) {
                break;
            }
            best = rate;
        }
        return best;
    }
}
