package io.imbot.core.delivery;

import java.util.Objects;

/**
 * A request to send one message, as callers hand it to the message center (through {@link
 * DeliveryPort#submit} or the {@link Addresses#SEND} address). Checked by the message center, which
 * answers a bad request with a refused outcome.
 *
 * @param to the recipient: a user name or {@code #room}
 * @param body the text
 * @param replyId the message ID to use, derived by {@link ReplyIds} for a bot's reply so that a
 *     re-dispatch after a crash produces the same ID; {@code null} for a fresh ID
 * @param repeat whether this reply answers a message shown again after a restart, so its ID may
 *     be stored (and sent) already
 * @param connection the connection to send on; {@code null} for the daemon's first connection
 */
public record SendRequest(String to, String body, String replyId, boolean repeat, String connection) {

    /** A send with a fresh ID on the first connection. */
    public static SendRequest fresh(String to, String body) {
        return new SendRequest(to, body, null, false, null);
    }

    /** A bot's reply with an ID derived from the message it answers, on the connection {@code connection}; {@code repeat} as above. */
    public static SendRequest reply(String to, String body, String replyId, boolean repeat, String connection) {
        return new SendRequest(to, body, Objects.requireNonNull(replyId, "replyId"), repeat, connection);
    }

    /** A copy for the connection {@code name} ({@code null}: the first). */
    public SendRequest on(String name) {
        return new SendRequest(to, body, replyId, repeat, name);
    }
}
