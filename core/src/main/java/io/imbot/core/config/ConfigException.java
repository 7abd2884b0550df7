package io.imbot.core.config;

/** A configuration that cannot be used; the message names the source, the key and the problem. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message ready to show to the user. */
    public ConfigException(String message) {
        super(message);
    }

    /** Creates the exception with a message ready to show to the user, and its cause. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
