package io.imbot.core.cli;

import io.imbot.api.ChatMessage;
import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.ChatMessages;
import io.imbot.core.history.JdbcMessageStore;
import io.imbot.core.history.MessageRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

    private static final String FILE_URL = "jdbc:hsqldb:file:";

    @Mixin
    ConfigOptions config;

    @Option(names = {"-w", "--with"}, paramLabel = "NAME", description = "Only the conversation with this user or #room.")
    String with;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50", description = "How many of the latest messages (default ${DEFAULT-VALUE}).")
    int limit;

    /** A message and how many transmissions it took. */
    private record Line(ChatMessage message, int attempts) {}

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        List<Line> lines;
        try {
            lines = fromDaemon(cfg);
        } catch (AdminClient.AdminException e) {
            if (!e.unreachable || !hasDatabaseFile(cfg)) {
                throw e;
            }
            lines = fromFile(cfg);
        }
        if (lines.isEmpty()) {
            System.out.println(with == null ? "(no messages yet)" : "(no messages with " + with + ")");
        }
        lines.forEach(l -> System.out.println(Formats.historyLine(l.message(), l.attempts())));
        return 0;
    }

    private List<Line> fromDaemon(ImbotConfig cfg) throws Exception {
        String query = "/api/history?limit=" + limit + (with == null ? "" : "&with=" + URLEncoder.encode(with, StandardCharsets.UTF_8));
        JsonObject answer = new AdminClient(cfg).get(query);
        List<Line> out = new ArrayList<>();
        for (Object o : answer.getJsonArray("messages")) {
            JsonObject m = (JsonObject) o;
            out.add(new Line(ChatMessages.fromJson(m), m.getInteger("attempts", 0)));
        }
        return out;
    }

    private static boolean hasDatabaseFile(ImbotConfig cfg) {
        String url = cfg.database().url();
        if (!url.startsWith(FILE_URL)) {
            return false;
        }
        String path = url.substring(FILE_URL.length()).split(";", 2)[0];
        return Files.isRegularFile(Path.of(path + ".script"));
    }

    /** The daemon is not running: open the file database ourselves (briefly holding its lock). */
    private List<Line> fromFile(ImbotConfig cfg) throws Exception {
        System.err.println("imbot: the daemon is not running; reading " + cfg.database().url().substring(FILE_URL.length()) + " directly");
        Vertx vertx = Vertx.vertx();
        try {
            JdbcMessageStore store = JdbcMessageStore.open(vertx, cfg.database().url(), cfg.bot().user(), Duration.ofSeconds(2))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            try {
                List<MessageRecord> rows = (with == null ? store.latest(limit) : store.latest(with, limit))
                        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                return rows.stream().map(r -> new Line(r.toChatMessage(), r.attempts())).toList();
            } finally {
                store.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            throw new AdminClient.AdminException("cannot read the history: " + e.getCause().getMessage(), false);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
