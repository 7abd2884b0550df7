package io.imbot.core.cli;

import io.imbot.api.Conversation;
import io.imbot.core.admin.Conversations;
import io.imbot.core.config.ImbotConfig;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code imbot conversations}: each conversation's latest message and how many inbound messages
 * wait for an answer. Asks the running daemon; when no daemon runs, reads the database file.
 */
@Command(name = "conversations", description = "List the conversations, most recently active first: the latest message "
        + "with its time and direction, the number of messages and how many arrived since the bot last wrote "
        + "(from the running daemon, or from the database file when the daemon is stopped).")
final class ConversationsCommand implements Callable<Integer> {

    private static final int MAX_LIMIT = 10_000;

    @Mixin
    ConfigOptions config;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50",
            description = "How many of the most recently active conversations, 1 to " + MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        if (limit < 1 || limit > MAX_LIMIT) {
            System.err.println("imbot: --limit must be 1 to " + MAX_LIMIT + ", was " + limit);
            return Main.USAGE;
        }
        List<Conversation> list = HistoryReader.read(cfg, this::fromDaemon, store -> store.conversations(limit));
        if (list.isEmpty()) {
            System.out.println("(no conversations yet)");
        }
        list.forEach(c -> System.out.println(Formats.conversationLine(c)));
        return 0;
    }

    private List<Conversation> fromDaemon(AdminClient admin) throws AdminClient.AdminException, InterruptedException {
        JsonObject answer = admin.get("/api/conversations?limit=" + limit);
        List<Conversation> out = new ArrayList<>();
        for (Object o : answer.getJsonArray("conversations")) {
            out.add(Conversations.fromJson((JsonObject) o));
        }
        return out;
    }
}
