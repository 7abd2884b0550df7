package io.imbot.protocol;

/**
 * Codes carried by {@code error} frames. Fatal codes mean the byte stream can no longer be trusted:
 * the sender closes the connection after the error frame.
 */
public enum ErrorCode {
    /** The length prefix exceeds the peer's maximum frame size. Fatal. */
    FRAME_TOO_LARGE("frame_too_large", true),
    /** The length prefix is negative or zero. Fatal. */
    BAD_LENGTH("bad_length", true),
    /** The payload is not UTF-8 JSON holding one object. Fatal. */
    BAD_JSON("bad_json", true),
    /** The object has no string {@code type} the receiver knows. */
    UNKNOWN_TYPE("unknown_type", false),
    /** A field is missing, of the wrong type or out of range. */
    BAD_FIELD("bad_field", false),
    /** The frame is not allowed before {@code login}. */
    NOT_LOGGED_IN("not_logged_in", false),
    /** The login was refused. Fatal. */
    LOGIN_REFUSED("login_refused", true),
    /** The same user logged in elsewhere; this connection is closed. Fatal. */
    REPLACED("replaced", true),
    /** The server refused the message (for example: not a member of the room). */
    REJECTED("rejected", false),
    /** The peer is overloaded and refused the frame; retry later. */
    BUSY("busy", false);

    private final String wire;
    private final boolean fatal;

    ErrorCode(String wire, boolean fatal) {
        this.wire = wire;
        this.fatal = fatal;
    }

    /** The code as written in the frame. */
    public String wire() {
        return wire;
    }

    /** Whether the connection is closed after this error. */
    public boolean fatal() {
        return fatal;
    }

    /** The code with the given wire name, or {@code null}. */
    public static ErrorCode fromWire(String wire) {
        for (ErrorCode code : values()) {
            if (code.wire.equals(wire)) {
                return code;
            }
        }
        return null;
    }
}
