package io.imbot.testkit;

import java.util.Objects;

/**
 * An exception thrown by bot code that the daemon would have caught, logged and gone on from.
 *
 * @param bot the bot's {@link io.imbot.api.ReplyBot#name()}
 * @param during what the tester was doing, for example {@code onMessage in-3} or {@code scheduled
 *     task}
 * @param error what the bot threw
 */
public record BotFailure(String bot, String during, Throwable error) {

    /** Validates the components; none may be {@code null}. */
    public BotFailure {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(during, "during");
        Objects.requireNonNull(error, "error");
    }

    @Override
    public String toString() {
        return bot + " failed during " + during + ": " + error;
    }
}
