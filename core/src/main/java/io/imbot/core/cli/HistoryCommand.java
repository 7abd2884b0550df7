package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.ChatMessages;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code imbot history}: the stored conversation, read from the running daemon. */
@Command(name = "history", description = "Show stored messages with their delivery status (from the running daemon).")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-w", "--with"}, paramLabel = "NAME", description = "Only the conversation with this user or #room.")
    String with;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50", description = "How many of the latest messages (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        String query = "/api/history?limit=" + limit + (with == null ? "" : "&with=" + URLEncoder.encode(with, StandardCharsets.UTF_8));
        JsonObject answer = new AdminClient(cfg).get(query);
        var messages = answer.getJsonArray("messages");
        if (messages.isEmpty()) {
            System.out.println(with == null ? "(no messages yet)" : "(no messages with " + with + ")");
        }
        for (Object o : messages) {
            JsonObject m = (JsonObject) o;
            System.out.println(Formats.historyLine(ChatMessages.fromJson(m), m.getInteger("attempts", 0)));
        }
        return 0;
    }
}
