package io.imbot.plugins.autoreply;

import io.imbot.api.ChatMessage;

/**
 * A leading {@code @bot} in a message text. Whether {@code @bot} counts as a mention at all is
 * {@link ChatMessage#mentions}'s rule, the one the daemon uses for {@code MessageEvent.mentionsBot()};
 * this class only decides what text the rules see.
 */
final class Mentions {

    private Mentions() {}

    /**
     * The text the rules see: surrounding blanks removed, and a leading {@code @botUser} that is a
     * mention (followed by an optional {@code :} or {@code ,}) removed, so {@code @bot ping} matches
     * {@code exact: ping} while {@code @bot-x ping} stays as it is.
     */
    static String stripLeading(ChatMessage message, String botUser) {
        String text = message.body().strip();
        String tag = "@" + botUser;
        if (!text.startsWith(tag) || !leadingTagIsMention(message, text, tag)) {
            return text;
        }
        String rest = text.substring(tag.length());
        if (rest.startsWith(":") || rest.startsWith(",")) {
            rest = rest.substring(1);
        }
        return rest.strip();
    }

    /**
     * Asks {@link ChatMessage#mentions} about the tag at the start of {@code text}, shown with just
     * the two characters after it: all the rule looks at to decide where a name ends.
     */
    private static boolean leadingTagIsMention(ChatMessage message, String text, String tag) {
        String probe = text.substring(0, Math.min(text.length(), tag.length() + 2));
        return new ChatMessage(message.id(), message.direction(), message.conversation(), message.from(), message.to(),
                probe, message.timestamp(), message.status()).mentions(tag.substring(1));
    }
}
