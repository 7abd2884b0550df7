package io.imbot.core.delivery;

import io.imbot.api.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Message IDs for bots' replies, derived from what is answered: the inbound message (its sender
 * and ID, which together are unique), the bot, and the reply's index within that handling. A
 * message dispatched again after a crash therefore yields the same reply IDs, and the server's
 * deduplication by ID keeps the user from seeing an answer twice.
 *
 * <p>Format: {@code r} then 26 characters of base 32 (130 bits of SHA-256), inside the protocol's
 * ID rules (1-128 characters, no spaces). Unlike fresh IDs they do not sort by time.
 */
public final class ReplyIds {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final int CHARS = 26;

    private ReplyIds() {}

    /**
     * The ID of reply number {@code index} (from 0) that {@code bot} sends while handling the
     * message {@code inboundId} from {@code inboundFrom}.
     */
    public static String derive(String inboundFrom, String inboundId, String bot, int index) {
        MessageDigest sha = sha256();
        for (String part : new String[] {inboundFrom, inboundId, bot, Integer.toString(index)}) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0); // a separator no part contains, so ("ab","c") and ("a","bc") differ
        }
        byte[] hash = sha.digest();
        char[] out = new char[CHARS + 1];
        out[0] = 'r';
        for (int i = 0; i < CHARS; i++) {
            int bit = i * 5;
            int value = ((hash[bit / 8] & 0xff) << 8 | (hash[bit / 8 + 1] & 0xff)) >>> (11 - bit % 8);
            out[i + 1] = ALPHABET[value & 31];
        }
        return new String(out);
    }

    /**
     * The sender as {@link #derive} takes it: the user alone on the {@value ChatMessage#DEFAULT_CONNECTION}
     * connection (so replies keep the IDs they had before there were several connections), else the
     * connection's name, {@code /} and the user, since the same user and ID may exist on two networks.
     */
    public static String senderOn(String connection, String from) {
        return ChatMessage.DEFAULT_CONNECTION.equals(connection) ? from : connection + "/" + from;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
