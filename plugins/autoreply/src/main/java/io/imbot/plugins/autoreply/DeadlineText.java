package io.imbot.plugins.autoreply;

/**
 * The text a regular expression runs on, with a time limit. Java's regex engine reads its input
 * through {@link #charAt}, so checking the clock there (every 256 reads) stops a match that
 * backtracks for ever, such as {@code (.*a){12}$}, instead of letting it burn a core after the bot's
 * call was given up. An interrupted thread stops the same way.
 */
final class DeadlineText implements CharSequence {

    /** The match ran out of time, or its thread was interrupted. */
    static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private final long deadline;
    private int reads;

    DeadlineText(String text, long budgetNanos) {
        this.text = text;
        this.deadline = System.nanoTime() + budgetNanos;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xff) == 0 && (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted())) {
            throw new TooSlow("gave up after " + reads + " steps on a text of " + text.length() + " characters");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
