package io.imbot.core.history;

/** The message store failed: the database could not be opened, read or written. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
