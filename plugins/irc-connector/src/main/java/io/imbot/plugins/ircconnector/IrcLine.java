package io.imbot.plugins.ircconnector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One IRC protocol line (RFC 2812 section 2.3.1): {@code [@tags ][:prefix ]COMMAND params [:trailing]}.
 * IRCv3 tags are skipped (the connector asks for none). The trailing parameter, if any, is the
 * last of {@link #params}; it alone may be empty or hold spaces.
 *
 * @param prefix the origin without its colon ({@code nick!user@host} or a server name); empty when none
 * @param command the command in upper case, or a three-digit numeric reply
 * @param params the parameters, the trailing one last
 */
record IrcLine(String prefix, String command, List<String> params) {

    IrcLine {
        params = List.copyOf(params);
    }

    /**
     * Reads one line, without its line break (a trailing CR is dropped).
     *
     * @throws IllegalArgumentException saying what is wrong: an empty line, a prefix or tags
     *     without a command, a command that is neither letters nor three digits, or a NUL
     */
    static IrcLine parse(String line) {
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a NUL in the line");
        }
        int i = 0;
        if (s.startsWith("@")) {
            i = afterWord(s, 0);
        }
        String prefix = "";
        if (i < s.length() && s.charAt(i) == ':') {
            int end = wordEnd(s, i);
            prefix = s.substring(i + 1, end);
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("an empty prefix");
            }
            i = skipSpaces(s, end);
        }
        int end = wordEnd(s, i);
        String command = s.substring(i, end);
        if (!validCommand(command)) {
            throw new IllegalArgumentException(command.isEmpty() ? "no command" : "not a command: '" + abbreviate(command) + "'");
        }
        List<String> params = new ArrayList<>();
        i = skipSpaces(s, end);
        while (i < s.length()) {
            if (s.charAt(i) == ':') {
                params.add(s.substring(i + 1));
                break;
            }
            end = wordEnd(s, i);
            params.add(s.substring(i, end));
            i = skipSpaces(s, end);
        }
        return new IrcLine(prefix, command.toUpperCase(Locale.ROOT), params);
    }

    /**
     * Writes a command with its middle parameters and a trailing one, without the line break.
     *
     * @param trailing the last parameter, always written after {@code :}; {@code null} for none
     * @throws IllegalArgumentException when a middle parameter is empty, holds a space or starts
     *     with a colon, or any parameter holds CR, LF or NUL: the caller must have removed those,
     *     since they would end the line and start another command
     */
    static String format(String command, List<String> middle, String trailing) {
        if (!validCommand(command)) {
            throw new IllegalArgumentException("not a command: " + command);
        }
        StringBuilder b = new StringBuilder(command);
        for (String p : middle) {
            if (p.isEmpty() || p.indexOf(' ') >= 0 || p.startsWith(":") || breaksLine(p)) {
                throw new IllegalArgumentException("not a middle parameter: '" + abbreviate(p) + "'");
            }
            b.append(' ').append(p);
        }
        if (trailing != null) {
            if (breaksLine(trailing)) {
                throw new IllegalArgumentException("CR, LF or NUL in a parameter");
            }
            b.append(" :").append(trailing);
        }
        return b.toString();
    }

    /** The parameter at {@code index}, or an empty string when there are fewer. */
    String param(int index) {
        return index < params.size() ? params.get(index) : "";
    }

    /** The last parameter (the text of a PRIVMSG, the reason of an ERROR), or an empty string. */
    String last() {
        return params.isEmpty() ? "" : params.get(params.size() - 1);
    }

    /** The nick of a {@code nick!user@host} prefix; a server's name when the prefix is one. */
    String nick() {
        int bang = prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }

    /** Whether the prefix names a user ({@code nick!user@host}) rather than a server. */
    boolean fromUser() {
        return prefix.indexOf('!') > 0;
    }

    /** Whether this is the numeric reply {@code code}, such as {@code "001"}. */
    boolean is(String code) {
        return command.equals(code);
    }

    static boolean breaksLine(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\0') >= 0;
    }

    private static boolean validCommand(String c) {
        if (c.length() == 3 && digit(c.charAt(0)) && digit(c.charAt(1)) && digit(c.charAt(2))) {
            return true;
        }
        if (c.isEmpty() || c.length() > 32) {
            return false;
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int wordEnd(String s, int from) {
        int space = s.indexOf(' ', from);
        return space < 0 ? s.length() : space;
    }

    private static int afterWord(String s, int from) {
        return skipSpaces(s, wordEnd(s, from));
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
