package io.imbot.protocol;

/** Field rules of the protocol; each check names the field it rejects. */
public final class Fields {

    /** Longest message ID, in characters. */
    public static final int MAX_ID_LENGTH = 128;

    /** Longest user or room name, in characters (without the room's {@code #}). */
    public static final int MAX_NAME_LENGTH = 64;

    private Fields() {}

    /** Returns {@code true} when {@code s} is a valid user name. */
    public static boolean isUser(String s) {
        return s != null && isName(s, 0);
    }

    /** Returns {@code true} when {@code s} is a valid room name ({@code #} then a name). */
    public static boolean isRoom(String s) {
        return s != null && s.length() > 1 && s.charAt(0) == '#' && isName(s, 1);
    }

    /**
     * Whether {@code s} from {@code start} is 1-{@value #MAX_NAME_LENGTH} of {@code A-Z a-z 0-9 _ . -}.
     * A loop, not a regular expression: it runs for every field of every frame.
     */
    private static boolean isName(String s, int start) {
        int n = s.length() - start;
        if (n < 1 || n > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void requireUser(String field, String value) {
        if (!isUser(value)) {
            throw invalid(field, "must be 1-" + MAX_NAME_LENGTH + " of A-Z a-z 0-9 _ . -", value);
        }
    }

    static void requireRoom(String field, String value) {
        if (!isRoom(value)) {
            throw invalid(field, "must be '#' followed by 1-" + MAX_NAME_LENGTH + " of A-Z a-z 0-9 _ . -", value);
        }
    }

    static void requireAddress(String field, String value) {
        if (!isUser(value) && !isRoom(value)) {
            throw invalid(field, "must be a user name or '#room'", value);
        }
    }

    static void requireId(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH) {
            throw invalid(field, "must be 1-" + MAX_ID_LENGTH + " characters", value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                throw invalid(field, "must not contain spaces, control characters or surrogates", value);
            }
        }
    }

    static void requireBody(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field, "must be a non-empty string", value);
        }
        int bad = loneSurrogate(value);
        if (bad >= 0) {
            throw invalid(field, "must be valid Unicode (a lone surrogate at index " + bad + ")", value);
        }
    }

    /**
     * The index of the first UTF-16 surrogate without its partner, or -1 when {@code s} is valid
     * Unicode. JSON's {@code \uD800} escapes can carry one; stored or printed it would turn into
     * {@code ?}, so such text is refused instead.
     */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must be a non-empty string", value);
        }
    }

    private static IllegalArgumentException invalid(String field, String rule, String value) {
        String shown = value == null ? "missing" : "'" + abbreviate(value) + "'";
        return new IllegalArgumentException("field '" + field + "' " + rule + " (was " + shown + ")");
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
