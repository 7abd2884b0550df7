package io.imbot.plugins.ircconnector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Message text on IRC: what arrives is decoded and cleaned of formatting codes; what goes out is cut
 * into lines that fit the server's line limit.
 */
final class IrcText {

    /** The CTCP delimiter: a PRIVMSG between two of these is a client-to-client request. */
    static final char CTCP = '\u0001';

    private IrcText() {}

    /**
     * Decodes a line's bytes: UTF-8 when they are valid UTF-8, else Latin-1. IRC has no declared
     * encoding; UTF-8 is the norm and the fallback keeps an old client's text readable instead of
     * turning it into replacement characters.
     */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The text of an inbound PRIVMSG as a bot should see it: mIRC formatting codes (bold, colour,
     * italics, underline, strike-through, monospace, reverse, reset) and other control characters
     * except tab removed.
     */
    static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0003') {
                i = skipColour(text, i, 2, false);
            } else if (c == '\u0004') {
                i = skipColour(text, i, 6, true);
            } else if (c == '\t' || (c >= ' ' && c != 127)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The action of a CTCP {@code ACTION} ("/me waves" sends {@code \u0001ACTION waves\u0001}),
     * or {@code null} when {@code text} is no action.
     */
    static String action(String text) {
        String start = CTCP + "ACTION ";
        if (!text.startsWith(start)) {
            return null;
        }
        int end = text.indexOf(CTCP, start.length());
        return text.substring(start.length(), end < 0 ? text.length() : end);
    }

    /** Whether {@code text} is a CTCP request or reply (VERSION, PING, ACTION and the like). */
    static boolean isCtcp(String text) {
        return !text.isEmpty() && text.charAt(0) == CTCP;
    }

    /**
     * Cuts a message body into texts for PRIVMSG lines: one or more per line of the body (CR LF, CR
     * or LF end a line), each at most {@code maxBytes} bytes of UTF-8. A line too long is cut at
     * the last space when one is in the second half of the piece, and that space is dropped (the
     * line break takes its place, as in word wrap; servers strip trailing spaces anyway); else it is
     * cut between two code points, never inside one. NUL is removed; blank lines are left out,
     * since IRC cannot send an empty message.
     *
     * @param maxBytes at least 4, so that any code point fits
     */
    static List<String> split(String body, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must be at least 4, got " + maxBytes);
        }
        List<String> out = new ArrayList<>();
        for (String line : body.replace("\0", "").split("\r\n|\r|\n")) {
            if (!line.isBlank()) {
                cut(line, maxBytes, out);
            }
        }
        return out;
    }

    /** The bytes {@code s} takes in UTF-8 (a lone surrogate counts as the 3 of its replacement at most). */
    static int utf8Length(CharSequence s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void cut(String line, int maxBytes, List<String> out) {
        int start = 0;
        while (start < line.length()) {
            int end = start;
            int bytes = 0;
            int lastSpace = -1; // index of the last space that fits in this piece
            while (end < line.length()) {
                int cp = line.codePointAt(end);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > maxBytes) {
                    break;
                }
                if (cp == ' ') {
                    lastSpace = end;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (end < line.length() && line.charAt(end) == ' ') {
                out.add(line.substring(start, end)); // the piece ends where a word does: the space becomes the break
                start = end + 1;
            } else if (end < line.length() && lastSpace > start && lastSpace - start >= (end - start) / 2) {
                out.add(line.substring(start, lastSpace)); // words stay whole where that costs at most half a piece
                start = lastSpace + 1;
            } else {
                out.add(line.substring(start, end));
                start = end;
            }
        }
    }

    /** Skips a colour code at {@code i}: up to {@code width} digits, then optionally a comma and as many. */
    private static int skipColour(String text, int i, int width, boolean hex) {
        int j = i + 1;
        int n = countDigits(text, j, width, hex);
        if (n == 0) {
            return i;
        }
        j += n;
        if (j < text.length() && text.charAt(j) == ',') {
            int m = countDigits(text, j + 1, width, hex);
            if (m > 0) {
                j += 1 + m;
            }
        }
        return j - 1;
    }

    private static int countDigits(String text, int from, int width, boolean hex) {
        int n = 0;
        while (n < width && from + n < text.length()) {
            char c = text.charAt(from + n);
            boolean ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                break;
            }
            n++;
        }
        return hex && n != width ? 0 : n;
    }
}
