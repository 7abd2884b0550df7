package io.imbot.plugins.commands;

import io.imbot.api.BotCommand;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.pf4j.Extension;

/**
 * The bundled commands bot: answers {@code /help}, {@code /history [n]} and {@code /status}.
 *
 * <p><b>Where.</b> In a direct message, {@code /help}. In a room, only when addressed first:
 * {@code @bot /help} (also {@code @bot: /help}), so several bots in one room do not all answer,
 * and a plain {@code /help} there stays free for other bots and people.
 *
 * <p><b>Order.</b> Priority {@value #PRIORITY}, above the auto-reply bot's default of 100, so these
 * commands are answered before any auto-reply rule. A command of this bot is marked handled, even
 * when its arguments are wrong (the answer then says how to call it). Any other {@code /word} is
 * left alone and not marked handled: another bot may own it.
 *
 * <p>Each command is answered with one message; replies that fail are logged. The bot keeps no
 * state: everything it needs comes with the {@link MessageEvent}.
 */
@Extension
public class CommandsBot implements ReplyBot {

    /** This bot's priority: above the auto-reply bot, so commands are answered first. */
    public static final int PRIORITY = 200;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** The constructor PF4J uses. */
    public CommandsBot() {
        for (Command command : List.of(new HelpCommand(), new HistoryCommand(), new StatusCommand())) {
            commands.put(command.info().name(), command);
        }
    }

    @Override
    public String name() {
        return "commands";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** {@code help}, {@code history} and {@code status}. */
    @Override
    public List<BotCommand> commands() {
        return commands.values().stream().map(Command::info).toList();
    }

    @Override
    public void onMessage(MessageEvent event) {
        Optional<Invocation> invocation = Invocation.parse(event);
        Command command = invocation.map(i -> commands.get(i.name())).orElse(null);
        if (command == null) {
            return; // not a command, or one another bot may own
        }
        event.markHandled();
        String name = invocation.get().name();
        if (!command.info().allows(event)) {
            event.reply("Only the daemon's operators may use /" + name + ".");
            return;
        }
        // Never wait for the stage here: the daemon completes it on this bot's own thread.
        command.run(invocation.get().args(), event)
                .exceptionally(error -> "Sorry, /" + name + " failed: " + rootMessage(error))
                .thenAccept(text -> event.reply(text).whenComplete((delivery, error) -> {
                    if (error != null) {
                        event.context().logger().log(System.Logger.Level.WARNING,
                                "reply to /" + name + " in " + event.message().conversation() + " failed: " + error);
                    }
                }));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
