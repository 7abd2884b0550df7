package io.imbot.core.logging;

/**
 * The one rule for text shown to an operator, on the terminal and in the logs: text that came from
 * the network or from a plugin must not change the terminal it is printed on, nor forge a line of
 * its own. Control characters (escape sequences, line breaks, tabs, DEL and the C1 range), the
 * Unicode line and paragraph separators and the bidirectional embeddings, overrides and isolates
 * are shown as {@code \n}, {@code \r}, {@code \t} or &#92;u and four hex digits, never
 * interpreted. Everything else, emoji and other scripts included, is kept; a backslash is kept as
 * it is, so the output is for reading, not for decoding.
 */
public final class Printable {

    private Printable() {}

    /** {@code text} made safe to print; {@code null} becomes {@code "null"}. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text; // the usual case: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029 // line and paragraph separators
                || (c >= 0x202A && c <= 0x202E) // bidi embeddings and overrides
                || (c >= 0x2066 && c <= 0x2069); // bidi isolates
    }
}
