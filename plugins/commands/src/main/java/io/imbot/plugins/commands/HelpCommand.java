package io.imbot.plugins.commands;

import io.imbot.api.BotCommand;
import io.imbot.api.MessageEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code /help [command]}: every command of every loaded bot, or the ones with one name. */
final class HelpCommand implements Command {

    private static final BotCommand INFO =
            new BotCommand("help", "/help [command]", "lists the commands of every bot, or describes one");

    @Override
    public BotCommand info() {
        return INFO;
    }

    @Override
    public CompletionStage<String> run(List<String> args, MessageEvent event) {
        if (args.size() > 1) {
            return done("Usage: " + INFO.usage());
        }
        List<BotCommand> all = event.context().commands().stream().filter(c -> c.allows(event)).toList();
        String footer = event.message().inRoom()
                ? "\nIn a room, address me first: @" + event.context().botUser() + " /help"
                : "";
        if (args.isEmpty()) {
            return done("Commands:\n" + lines(all) + footer);
        }
        String wanted = args.get(0).startsWith("/") ? args.get(0).substring(1) : args.get(0);
        List<BotCommand> matching = all.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).toList();
        if (matching.isEmpty()) {
            return done("No bot offers /" + wanted + ". Send /help for the list.");
        }
        return done(lines(matching) + footer);
    }

    /** One line per command, {@code usage - description}, in the order given. */
    private static String lines(List<BotCommand> commands) {
        StringBuilder out = new StringBuilder();
        for (BotCommand c : commands) {
            String usage = c.usage().isBlank() ? "/" + c.name() : c.usage();
            out.append(out.isEmpty() ? "" : "\n").append(usage);
            if (!c.description().isBlank()) {
                out.append(" - ").append(c.description());
            }
        }
        return out.toString();
    }

    private static CompletionStage<String> done(String text) {
        return CompletableFuture.completedStage(text);
    }
}
