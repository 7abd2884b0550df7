package io.imbot.core.cli;

import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.daemon.Daemon;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code imbot run}: the daemon in the foreground until SIGTERM or Ctrl-C. */
@Command(name = "run", description = "Run the bot daemon in the foreground (stop with Ctrl-C or SIGTERM).")
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        ImbotConfig cfg = config.load();
        PidFile pidFile = PidFile.of(cfg);
        pidFile.claim();
        Vertx vertx = Vertx.vertx();
        Daemon daemon;
        try {
            daemon = Daemon.start(vertx, cfg).toCompletionStage().toCompletableFuture().get();
        } catch (java.util.concurrent.ExecutionException e) {
            vertx.close();
            pidFile.release();
            if (e.getCause() instanceof ConfigException bad) {
                throw bad; // one line on stderr, exit status 2, like every configuration error
            }
            log.error("imbot could not start: {}", e.getCause().getMessage());
            return Main.FAILED;
        }
        long sinceJvmStart = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        log.info("imbot ready in {} ms (JVM started {} ms ago): bot '{}' on {}:{}{}, admin API on {}", (System.nanoTime() - t0) / 1_000_000,
                sinceJvmStart,
                cfg.bot().user(), cfg.server().host(), daemon.serverPort() > 0 ? daemon.serverPort() : cfg.server().port(),
                cfg.server().embedded() ? " (embedded reference server)" : "",
                daemon.adminPort() > 0 ? cfg.admin().host() + ":" + daemon.adminPort() : "off");
        daemon.reloadFrom(config::load);
        reloadOnHangup(daemon);
        awaitShutdown(vertx, daemon, cfg, pidFile);
        return 0;
    }

    /** SIGHUP, as service managers send it ({@code systemctl reload}): the same as {@code imbot reload}. */
    @SuppressWarnings("removal")
    private static void reloadOnHangup(Daemon daemon) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> daemon.reload()
                    .onFailure(e -> log.error("SIGHUP: the configuration was not reloaded: {}", e.getMessage())));
        } catch (IllegalArgumentException e) {
            log.debug("no SIGHUP on this system: {}", e.getMessage());
        }
    }

    private static void awaitShutdown(Vertx vertx, Daemon daemon, ImbotConfig cfg, PidFile pidFile) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log.info("stopping: no new messages; waiting up to {} ms for acknowledgements", cfg.delivery().stopGrace().toMillis());
            try {
                // Two waits: a future chained on a Vert.x context cannot complete once Vert.x closed it.
                daemon.stop().toCompletionStage().toCompletableFuture()
                        .get(cfg.delivery().stopGrace().toMillis() + 15_000, TimeUnit.MILLISECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                log.info("imbot stopped cleanly");
            } catch (Exception e) {
                log.warn("imbot did not stop cleanly: {}", e.toString());
            }
            pidFile.release();
            stopped.countDown();
        }, "imbot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
    }
}
