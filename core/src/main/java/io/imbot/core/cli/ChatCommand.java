package io.imbot.core.cli;

import io.imbot.core.client.ChatClient;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.DeliveryOutcome;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imbot chat}: an interactive terminal client for a person. */
@Command(name = "chat", description = "Talk to the bots from a terminal. Type a line to send it; /help lists commands.")
final class ChatCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    ClientOptions client;

    @Option(names = {"-t", "--to"}, paramLabel = "NAME", description = "Whom lines go to (default: the daemon's bot user).")
    String to;

    @Option(names = "--join", paramLabel = "#ROOM", description = "Rooms to join after logging in (repeatable).")
    List<String> rooms = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        PrintStream out = System.out;
        String target = to != null ? to : cfg.bot().user();
        Vertx vertx = Vertx.vertx();
        ChatClient chat = new ChatClient(vertx, client.tcp(cfg, rooms), ClientOptions.delivery(cfg));
        try {
            chat.connect(m -> out.println(Formats.incoming(m))).toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            vertx.close();
            return client.connectFailed(e.getCause());
        }
        out.printf("logged in as %s; talking to %s. /to NAME changes that, /quit leaves.%n", client.user, target);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("/")) {
                String[] words = line.trim().split("\\s+", 2);
                switch (words[0]) {
                    case "/quit", "/exit" -> {
                        return close(vertx, chat);
                    }
                    case "/to" -> {
                        if (words.length == 2) {
                            target = words[1];
                            out.println("now talking to " + target);
                        } else {
                            out.println("usage: /to NAME");
                        }
                        continue;
                    }
                    case "/help" -> out.println("(chat: /to NAME talks to another user or #room, /quit leaves;"
                            + " /help and other /commands also go to the bots)");
                    default -> {
                        // a bot command such as /history: send it like any line
                    }
                }
            }
            DeliveryOutcome outcome = chat.send(target, line).toCompletionStage().toCompletableFuture().get();
            out.println(outcome.succeeded() ? "  (delivered)" : "  (not delivered: " + outcome.toException().getMessage() + ")");
        }
        return close(vertx, chat);
    }

    private static int close(Vertx vertx, ChatClient chat) throws Exception {
        chat.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return 0;
    }
}
