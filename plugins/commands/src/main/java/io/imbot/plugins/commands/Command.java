package io.imbot.plugins.commands;

import io.imbot.api.BotCommand;
import io.imbot.api.MessageEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** One command of the {@link CommandsBot}. */
interface Command {

    /** The name, usage and description shown by {@code /help}. */
    BotCommand info();

    /**
     * Works out the answer. Wrong arguments give a completed stage with a text saying how to call
     * the command; the stage fails only when the daemon could not give what the command needs.
     *
     * @param args the blank-separated words after the command name
     * @param event the message that called the command
     * @return the reply text, never empty
     */
    CompletionStage<String> run(List<String> args, MessageEvent event);
}
