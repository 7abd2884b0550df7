package io.imbot.plugins.xmppconnector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The engine's ID for a message that arrived: its stanza ID when that fits imbot's ID rules (1-128
 * characters, no spaces or control characters), so a copy sent again with the same stanza ID is
 * dropped as a duplicate. Otherwise an ID derived from the sender and the stanza ID ({@code x} and
 * 26 base-32 characters of SHA-256), the same for every copy; a stanza without an ID gets a fresh
 * one ({@code n} and a random UUID's hex), as nothing could tell two copies of it apart.
 */
final class InboundIds {

    static final int MAX_LENGTH = 128;
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private InboundIds() {}

    /** The ID of the message {@code stanzaId} (maybe {@code null}) from {@code from}. */
    static String of(String from, String stanzaId) {
        if (stanzaId == null || stanzaId.isEmpty()) {
            return "n" + UUID.randomUUID().toString().replace("-", "");
        }
        return valid(stanzaId) ? stanzaId : derived(from, stanzaId);
    }

    /** Whether {@code id} fits imbot's ID rules as it is. */
    static boolean valid(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static String derived(String from, String stanzaId) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha.update(from.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0); // a separator neither part contains
        byte[] hash = sha.digest(stanzaId.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[27];
        out[0] = 'x';
        for (int i = 0; i < 26; i++) {
            int bit = i * 5;
            int value = ((hash[bit / 8] & 0xff) << 8 | (hash[bit / 8 + 1] & 0xff)) >>> (11 - bit % 8);
            out[i + 1] = ALPHABET[value & 31];
        }
        return new String(out);
    }
}
