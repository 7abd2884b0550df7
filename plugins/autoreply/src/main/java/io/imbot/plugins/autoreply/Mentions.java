package io.imbot.plugins.autoreply;

import io.imbot.api.ChatMessage;
import java.util.List;
import java.util.Optional;

/**
 * A leading address to the bot in a message text ({@code @bot}, {@code bot:}, {@code nick,}).
 * What counts as one is {@link ChatMessage#textAfterAddress}'s rule, the one the daemon uses for
 * {@code MessageEvent.mentionsBot()}; this class only decides what text the rules see.
 */
final class Mentions {

    private Mentions() {}

    /**
     * The text the rules see: surrounding blanks removed, and a leading address to one of {@code
     * botNames} removed, so {@code @bot ping} and {@code bot: ping} match {@code exact: ping} while
     * {@code @bot-x ping} stays as it is.
     */
    static String stripLeading(ChatMessage message, List<String> botNames) {
        for (String name : botNames) {
            Optional<String> rest = message.textAfterAddress(name);
            if (rest.isPresent()) {
                return rest.get();
            }
        }
        return message.body().strip();
    }
}
