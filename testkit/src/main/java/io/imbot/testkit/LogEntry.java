package io.imbot.testkit;

import java.util.Objects;

/**
 * One line a bot logged through {@link io.imbot.api.BotContext#logger()}, kept by the tester.
 *
 * @param logger the logger's name (the plugin ID)
 * @param level the level
 * @param message the message with its parameters filled in
 * @param thrown the attached exception, or {@code null}
 */
public record LogEntry(String logger, System.Logger.Level level, String message, Throwable thrown) {

    /** Validates the components; only {@code thrown} may be {@code null}. */
    public LogEntry {
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return level + " [" + logger + "] " + message + (thrown == null ? "" : " (" + thrown + ")");
    }
}
