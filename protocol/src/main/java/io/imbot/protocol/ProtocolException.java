package io.imbot.protocol;

/** A frame that broke the protocol; {@link #toFrame()} is the error frame to answer with. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String ref;

    /**
     * Creates the exception.
     *
     * @param code what kind of violation
     * @param message a human-readable explanation, sent back in the error frame
     * @param ref the message ID the problem concerns, or empty
     */
    public ProtocolException(ErrorCode code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref == null ? "" : ref;
    }

    /** What kind of violation. */
    public ErrorCode code() {
        return code;
    }

    /** The message ID the problem concerns, or empty. */
    public String ref() {
        return ref;
    }

    /** Whether the connection must be closed. */
    public boolean fatal() {
        return code.fatal();
    }

    /** The error frame that reports this exception to the peer. */
    public Frame.Error toFrame() {
        return new Frame.Error(code.wire(), getMessage(), ref);
    }
}
