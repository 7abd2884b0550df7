package io.imbot.bench;

import io.imbot.server.FaultOptions;
import io.imbot.server.ImServer;
import io.imbot.server.ServerOptions;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The reference server in its own JVM for the benchmarks. Prints {@code PORT n} once listening,
 * then {@code WIRES ws=n tls=n wss=n}: the same server's WebSocket port and a second server with
 * the certificate and key given as the two arguments (TLS and WebSocket over TLS). Then obeys lines
 * on stdin (they act on the plain server): {@code withhold} (accept but never ACK), {@code honest}, {@code quit}.
 * Ends when stdin closes, so it never outlives the suite.
 */
public final class ServerMain {

    private ServerMain() {}

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        // Open login: the benchmarks log in as whom they like. Queues sized to the -Xmx2g the suite gives this JVM,
        // since a run queues up to a million messages for one recipient.
        ServerOptions options = ServerOptions.defaults().withPort(0).withOpenLogin(true).withDedupCapacity(2_000_000)
                .withOfflineQueueLimit(1_000_000).withQueueBytesLimit(1L << 30).withTotalQueueBytesLimit(1L << 30)
                .withMaxConnections(10_000);
        ImServer server = ImServer.start(vertx, options.withWebSocketPort(0)).toCompletionStage().toCompletableFuture().get();
        System.out.println("PORT " + server.port());
        ImServer tls = ImServer.start(vertx, options.withWebSocketPort(0).withTls(args[0], args[1]))
                .toCompletionStage().toCompletableFuture().get();
        System.out.println("WIRES ws=" + server.webSocketPort() + " tls=" + tls.port() + " wss=" + tls.webSocketPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            switch (line.trim()) {
                case "withhold" -> server.setFaults(FaultOptions.none().withWithholdAcks(true)).toCompletionStage().toCompletableFuture().get();
                case "honest" -> server.setFaults(FaultOptions.none()).toCompletionStage().toCompletableFuture().get();
                default -> { }
            }
            System.out.println("OK " + line);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
        System.exit(0);
    }
}
