package io.imbot.plugins.ircconnector;

import java.util.Locale;

/**
 * IRC's rules for names (RFC 2812 section 2.3.1): nicks and {@code #channels}, how they compare,
 * and the alternative nicks tried when the configured one is taken.
 */
final class IrcNames {

    /**
     * Longest nick accepted here. Servers announce their own limit (RFC 2812 says 9, ngIRCd's
     * {@code MaxNickLength}, 30 or 32 on most networks) and refuse a longer one with 432.
     */
    static final int MAX_NICK = 64;

    /** Longest channel name, with its {@code #} (RFC 2812: fifty characters). */
    static final int MAX_CHANNEL = 50;

    private static final String SPECIAL = "[]\\`_^{|}";

    private IrcNames() {}

    /** {@code null} when {@code nick} is a valid nick, else why not. */
    static String checkNick(String nick) {
        if (nick.isEmpty() || nick.length() > MAX_NICK) {
            return "not an IRC nick: 1-" + MAX_NICK + " characters, got " + nick.length();
        }
        char first = nick.charAt(0);
        if (!letter(first) && SPECIAL.indexOf(first) < 0) {
            return "not an IRC nick: it must start with a letter or one of " + SPECIAL;
        }
        for (int i = 1; i < nick.length(); i++) {
            char c = nick.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9') && c != '-' && SPECIAL.indexOf(c) < 0) {
                return "not an IRC nick: '" + printable(c) + "' is not a letter, digit, '-' or one of " + SPECIAL;
            }
        }
        return null;
    }

    /** {@code null} when {@code name} is a valid {@code #channel}, else why not. */
    static String checkChannel(String name) {
        if (!name.startsWith("#") || name.length() < 2 || name.length() > MAX_CHANNEL) {
            return "not an IRC channel: '#' and 1-" + (MAX_CHANNEL - 1) + " more characters";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c == ',' || c == ':' || c == '\u0007' || c == '\r' || c == '\n' || c == '\0') {
                return "not an IRC channel: no spaces, commas, colons, BEL, CR, LF or NUL";
            }
        }
        return null;
    }

    /** {@code null} when {@code address} is a nick or a {@code #channel}, else why not. */
    static String checkAddress(String address) {
        return address.startsWith("#") ? checkChannel(address) : checkNick(address);
    }

    /**
     * The form two names compare in: RFC 1459 case mapping, where {@code []\~} are the upper case
     * of <code>{}|^</code>. A server with plain ASCII mapping (ngIRCd) treats fewer names as equal;
     * two such names never meet in practice.
     */
    static String fold(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(switch (c) {
                case '[' -> '{';
                case ']' -> '}';
                case '\\' -> '|';
                case '~' -> '^';
                default -> c < 128 ? Character.toLowerCase(c) : c;
            });
        }
        return b.toString();
    }

    /** Whether two nicks or channels are the same name on the server. */
    static boolean same(String a, String b) {
        return a.length() == b.length() && fold(a).equals(fold(b));
    }

    /**
     * The nick to try after {@code attempt} refusals because the name was taken: {@code nick_},
     * {@code nick__}, then {@code nick} with two digits. When {@code maxLength} is known (the server
     * refused a longer alternative), the nick is cut to make room for the suffix.
     *
     * @param attempt 1 for the first alternative
     * @param digits two digits for the third and later attempts, from the caller's random source
     */
    static String alternative(String nick, int attempt, int maxLength, int digits) {
        String suffix = attempt <= 2 ? "_".repeat(attempt) : String.format(Locale.ROOT, "%02d", Math.floorMod(digits, 100));
        int keep = Math.max(1, Math.min(nick.length(), maxLength - suffix.length()));
        return nick.substring(0, keep) + suffix;
    }

    /** A user name for {@code USER} from a nick: its letters and digits, at most 10, or {@code imbot}. */
    static String userName(String nick) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nick.length() && b.length() < 10; i++) {
            char c = nick.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.isEmpty() ? "imbot" : b.toString();
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String printable(char c) {
        return c < ' ' || c == 127 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
    }
}
