package io.imbot.plugins.autoreply;

import java.util.regex.Pattern;

/** Mentions of the bot in a message text: {@code @bot}. */
final class Mentions {

    private Mentions() {}

    /** Whether {@code text} holds {@code @botUser} as a word of its own, ignoring case. */
    static boolean mentions(String text, String botUser) {
        return Pattern.compile("(?<![\\w@])@" + Pattern.quote(botUser) + "(?![\\w-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    /**
     * The text the rules see: surrounding blanks removed, and a leading {@code @botUser} (followed
     * by an optional {@code :} or {@code ,}) removed, so {@code @bot ping} matches {@code exact: ping}.
     */
    static String stripLeading(String text, String botUser) {
        return Pattern.compile("^\\s*@" + Pattern.quote(botUser) + "(?![\\w-])[:,]?",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).replaceFirst("").strip();
    }
}
