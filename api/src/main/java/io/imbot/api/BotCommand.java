package io.imbot.api;

import java.util.Objects;

/**
 * A command a bot answers, such as {@code /history}, listed by help commands.
 *
 * @param name the command name without the slash, for example {@code history}
 * @param usage how to call it, for example {@code /history [n]}
 * @param description one line saying what it does
 * @param operatorOnly whether only the daemon's operators ({@code plugins.operators}) may use it;
 *     {@code /help} lists it only to them, and the bot should refuse it to others (see {@link
 *     MessageEvent#fromOperator()})
 */
public record BotCommand(String name, String usage, String description, boolean operatorOnly) {

    /** A command anyone may use. */
    public BotCommand(String name, String usage, String description) {
        this(name, usage, description, false);
    }

    /** Whether {@code event}'s sender may use this command. */
    public boolean allows(MessageEvent event) {
        return !operatorOnly || event.fromOperator();
    }

    /** Validates the components; the name must be a single word without a slash. */
    public BotCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("name must be a word without '/', was '" + name + "'");
        }
    }
}
