package io.imbot.testkit;

import java.util.regex.Pattern;

/**
 * How the tester decides {@link io.imbot.api.MessageEvent#mentionsBot()} for a room message: the
 * same rule as the daemon's plugin host, {@code @user} (exact case) not inside a word.
 */
final class Mentions {

    private Mentions() {}

    /** {@code true} when {@code text} holds {@code @user} with no word character on either side. */
    static boolean mentions(String text, String user) {
        return Pattern.compile("(^|\\W)@" + Pattern.quote(user) + "(\\W|$)").matcher(text).find();
    }
}
