package io.imbot.core.cli;

import io.imbot.api.ChatMessage;
import io.imbot.core.client.ChatClient;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.DeliveryOutcome;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imbot send}: one message, its delivery status, and the replies. */
@Command(name = "send", description = "Send one message, print its delivery status and any replies.%n"
        + "Exit status: 0 acknowledged, 1 not acknowledged or login refused, 2 bad usage, 3 no server.")
final class SendCommand implements Callable<Integer> {

    /** After the first reply, wait this long for more before exiting. */
    private static final long QUIET_AFTER_REPLY_MS = 500;

    @Mixin
    ConfigOptions config;

    @Mixin
    ClientOptions client;

    @Option(names = {"-t", "--to"}, required = true, paramLabel = "NAME", description = "Recipient user or #room.")
    String to;

    @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The message text.")
    String text;

    @Option(names = "--wait-reply", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for replies after the message is acknowledged.")
    double waitReply;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        PrintStream out = System.out;
        Vertx vertx = Vertx.vertx();
        try {
            BlockingQueue<ChatMessage> inbox = new LinkedBlockingQueue<>();
            ChatClient chat = new ChatClient(vertx, client.tcp(cfg, List.of()), ClientOptions.delivery(cfg));
            try {
                chat.connect(inbox::add).toCompletionStage().toCompletableFuture().get();
            } catch (ExecutionException e) {
                return client.connectFailed(e.getCause());
            }
            inbox.clear(); // messages queued for this user before now are not replies to this one
            long t0 = System.nanoTime();
            DeliveryOutcome outcome = chat.send(to, text).toCompletionStage().toCompletableFuture().get();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (!outcome.succeeded()) {
                System.err.println("imbot: " + outcome.toException().getMessage());
                return Main.FAILED;
            }
            out.printf("%s -> %s: acknowledged (id %s, %d attempt%s, %d ms)%n", client.user, to, outcome.id(), outcome.attempts(),
                    outcome.attempts() == 1 ? "" : "s", ms);
            printReplies(inbox, out);
            chat.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return 0;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private void printReplies(BlockingQueue<ChatMessage> inbox, PrintStream out) throws InterruptedException {
        if (waitReply <= 0) {
            return;
        }
        long deadline = System.nanoTime() + (long) (waitReply * 1e9);
        int replies = 0;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            long wait = replies == 0 ? left : Math.min(left, QUIET_AFTER_REPLY_MS);
            ChatMessage m = wait > 0 ? inbox.poll(wait, TimeUnit.MILLISECONDS) : null;
            if (m == null) {
                break;
            }
            replies++;
            out.println(Formats.incoming(m));
        }
        if (replies == 0) {
            System.err.printf("imbot: no reply within %s s%n", Formats.seconds(waitReply));
        }
    }
}
