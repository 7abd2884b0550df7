package io.imbot.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A login token as the server keeps it: PBKDF2-HMAC-SHA256 of the token with a random 16-byte
 * salt. The server never holds the tokens themselves, so a leaked configuration or accounts file
 * does not let anyone log in; the salt makes equal tokens look different and precomputed tables
 * useless; the iterations make every guess at a person-chosen token cost about as much as a login
 * check. PBKDF2 is in every JDK, so this needs no library.
 *
 * <p>Written as {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (salt and hash in base64 without
 * padding), the form {@code imbot token} prints and {@code server.login.accounts} holds:
 *
 * <pre>{@code
 * TokenHash stored = TokenHash.parse("pbkdf2-sha256:600000:3Fw...:q0X...");
 * boolean ok = stored.matches(tokenFromTheLoginFrame); // slow on purpose: not on an event loop
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows neither salt nor hash.
 */
public final class TokenHash {

    /** The iterations of new hashes: OWASP's 2023 advice for PBKDF2-HMAC-SHA256, about 0.1 s of one core. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private TokenHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code token} with a fresh salt and {@link #DEFAULT_ITERATIONS}. */
    public static TokenHash of(String token) {
        return of(token, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes {@code token} with a fresh salt.
     *
     * @param iterations at least 1; fewer than the default only where the token is random (a
     *     stretched hash protects guessable tokens, a 256-bit random one cannot be guessed anyway)
     * @throws IllegalArgumentException when the token is empty or {@code iterations} below 1
     */
    public static TokenHash of(String token, int iterations) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new TokenHash(iterations, salt, derive(token, salt, iterations));
    }

    /**
     * A hash no token matches, costing as much to check as a real one: what the server checks a
     * login against when the user has no account, so the answer's timing does not tell whether
     * an account exists.
     */
    static TokenHash matchingNothing() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(hash);
        return new TokenHash(DEFAULT_ITERATIONS, salt, hash);
    }

    /**
     * Reads the written form.
     *
     * @throws IllegalArgumentException saying what is wrong (never repeating the input)
     */
    public static TokenHash parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        String[] parts = encoded.trim().split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a token hash: expected " + SCHEME + ":ITERATIONS:SALT:HASH, as printed by 'imbot token'");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("token hash: the iterations are not a whole number");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("token hash: the iterations must be at least 1");
        }
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length < 8 || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("token hash: expected a salt of at least 8 bytes and a hash of " + HASH_BYTES);
        }
        return new TokenHash(iterations, salt, hash);
    }

    /** A new random token: 32 bytes from {@link SecureRandom}, base64url without padding (43 characters). */
    public static String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code token} is the one hashed. Takes as long as hashing (see {@link #iterations()})
     * and compares in constant time. An empty token never matches.
     */
    public boolean matches(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(token, salt, iterations));
    }

    /** The PBKDF2 iterations, which decide how long {@link #matches} takes. */
    public int iterations() {
        return iterations;
    }

    /** The written form, {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenHash t && t.iterations == iterations && Arrays.equals(t.salt, salt) && Arrays.equals(t.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "TokenHash[" + SCHEME + ", " + iterations + " iterations]";
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token hash: the " + what + " is not base64");
        }
    }

    private static byte[] derive(String token, byte[] salt, int iterations) {
        char[] chars = token.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
