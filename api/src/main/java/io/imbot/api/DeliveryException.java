package io.imbot.api;

/**
 * Why a send did not end acknowledged. Every {@code CompletionStage<Delivery>} returned by the
 * daemon fails with this exception (possibly wrapped in a {@code CompletionException}) and one of
 * the {@link Reason}s below.
 */
public class DeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reason a send failed. */
    public enum Reason {
        /** The server did not acknowledge within the configured attempts. */
        TIMED_OUT,
        /** The message waited longer than the configured deadline (for example while offline). */
        DEADLINE_EXCEEDED,
        /** Too many messages are waiting; nothing was stored or sent. Retry later. */
        BACKLOG_FULL,
        /** The recipient or text was not acceptable (empty, too long, malformed). */
        INVALID,
        /** The daemon is stopping; a stored message is retransmitted at the next start. */
        STOPPED,
        /** The server refused the message with an error. */
        REJECTED,
        /** The message could not be stored, so it was not sent. */
        STORE_FAILED,
        /** A bot replied too often in one conversation; see {@code plugins.replyRate}. */
        RATE_LIMITED,
        /** The request could not reach the delivery engine. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final String messageId;

    /**
     * Creates the exception.
     *
     * @param reason why the send failed
     * @param messageId the message's ID, or {@code null} when none was assigned
     * @param message a human-readable explanation
     */
    public DeliveryException(Reason reason, String messageId, String message) {
        super(message);
        this.reason = reason;
        this.messageId = messageId;
    }

    /** The reason the send failed. */
    public Reason reason() {
        return reason;
    }

    /** The message ID, or {@code null} when the message was refused before it got one. */
    public String messageId() {
        return messageId;
    }
}
