package io.imbot.testkit;

import java.util.regex.Pattern;

/** How the tester decides {@link io.imbot.api.MessageEvent#mentionsBot()} for a room message. */
final class Mentions {

    private Mentions() {}

    /** {@code true} when {@code text} holds {@code @user} as a word of its own, ignoring case. */
    static boolean mentions(String text, String user) {
        Pattern p = Pattern.compile(
                "(?<![\\w@])@" + Pattern.quote(user) + "(?![\\w-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return p.matcher(text).find();
    }
}
