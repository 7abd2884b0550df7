package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.daemon.ServerSetup;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imbot server}: the reference IM server alone, in the foreground. */
@Command(name = "server", description = "Run the reference IM server alone (host, port, accounts and limits from server.* settings).")
final class ServerCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = "--port", paramLabel = "PORT", description = "Listen on this port instead of server.port.")
    Integer port;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        ServerOptions options = ServerSetup.standalone(cfg).withPort(port != null ? port : cfg.server().port());
        Vertx vertx = Vertx.vertx();
        ImServer server;
        try {
            server = ImServer.start(vertx, options).toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            System.err.println("imbot: the reference server could not start: " + e.getCause().getMessage());
            vertx.close();
            return Main.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("imbot: the reference server did not stop cleanly: " + e);
            }
            stopped.countDown();
        }, "imbot-server-shutdown"));
        stopped.await();
        return 0;
    }
}
