package io.imbot.bench;

/** The message every send benchmark carries: the same body, so every row moves the same bytes. */
final class Payload {

    /** Characters in the body (ASCII, so also its bytes). */
    static final int BODY_CHARS = 100;

    static final String BODY = body(0);

    private Payload() {}

    /** A distinct body of {@link #BODY_CHARS} characters for message {@code n}. */
    static String body(long n) {
        String head = "bench message " + n + " ";
        StringBuilder b = new StringBuilder(BODY_CHARS).append(head);
        while (b.length() < BODY_CHARS) {
            b.append((char) ('a' + b.length() % 26));
        }
        return b.substring(0, BODY_CHARS);
    }
}
