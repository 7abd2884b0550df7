package io.imbot.plugins.autoreply;

import java.util.regex.Pattern;

/**
 * Mentions of the bot in a message text: {@code @bot}, exact case, not inside a word. The same rule
 * as the daemon's, so {@code explain} agrees with {@code MessageEvent.mentionsBot()}.
 */
final class Mentions {

    private Mentions() {}

    /** Whether {@code text} holds {@code @botUser} with no word character on either side. */
    static boolean mentions(String text, String botUser) {
        return Pattern.compile("(^|\\W)@" + Pattern.quote(botUser) + "(\\W|$)").matcher(text).find();
    }

    /**
     * The text the rules see: surrounding blanks removed, and a leading {@code @botUser} (followed
     * by an optional {@code :} or {@code ,}) removed, so {@code @bot ping} matches {@code exact: ping}.
     */
    static String stripLeading(String text, String botUser) {
        return Pattern.compile("^\\s*@" + Pattern.quote(botUser) + "(?!\\w)[:,]?").matcher(text).replaceFirst("").strip();
    }
}
