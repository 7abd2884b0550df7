package io.imbot.core.cli;

import io.imbot.api.ChatMessage;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.ChatMessages;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code imbot history}: the stored conversation. Asks the running daemon (which holds the
 * database); when no daemon runs, reads the database file directly.
 */
@Command(name = "history", description = "Show stored messages with their delivery status (from the running daemon, "
        + "or from the database file when the daemon is stopped).")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Option(names = {"-w", "--with"}, paramLabel = "NAME", description = "Only the conversation with this user or #room.")
    String with;

    @Option(names = "--connection", paramLabel = "NAME", description = "With --with: only that conversation on this connection.")
    String connection;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50", description = "How many of the latest messages (default ${DEFAULT-VALUE}).")
    int limit;

    /** A message and how many transmissions it took. */
    private record Line(ChatMessage message, int attempts) {}

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        List<Line> lines = HistoryReader.read(cfg, this::fromDaemon, store -> (with == null ? store.latest(limit) : store.latest(connection, with, limit))
                .map(rows -> rows.stream().map(r -> new Line(r.toChatMessage(), r.attempts())).toList()));
        if (lines.isEmpty()) {
            System.out.println(with == null ? "(no messages yet)" : "(no messages with " + with + ")");
        }
        lines.forEach(l -> System.out.println(Formats.historyLine(l.message(), l.attempts())));
        return 0;
    }

    private List<Line> fromDaemon(AdminClient admin) throws AdminClient.AdminException, InterruptedException {
        String query = "/api/history?limit=" + limit + (with == null ? "" : "&with=" + URLEncoder.encode(with, StandardCharsets.UTF_8))
                + (connection == null ? "" : "&connection=" + URLEncoder.encode(connection, StandardCharsets.UTF_8));
        JsonObject answer = admin.get(query);
        List<Line> out = new ArrayList<>();
        for (Object o : answer.getJsonArray("messages")) {
            JsonObject m = (JsonObject) o;
            out.add(new Line(ChatMessages.fromJson(m), m.getInteger("attempts", 0)));
        }
        return out;
    }
}
