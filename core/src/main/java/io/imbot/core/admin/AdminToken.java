package io.imbot.core.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's bearer token: written by the daemon at each start to a file only its user can
 * read, read from there by the CLI. The token itself is never logged.
 */
public final class AdminToken {

    private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {}

    /**
     * Writes a fresh random token (256 bits, URL-safe Base64) to {@code file}, replacing the one of
     * an earlier start in one step, so a reader sees the old token or the new one, never half. On a
     * POSIX file system the file is created with permissions 600 (owner read and write); elsewhere
     * it gets the folder's default access rights, and a warning says so. Blocking.
     *
     * @return the token
     * @throws IOException when the folder or the file cannot be written
     */
    static String create(Path file) throws IOException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(temp);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        if (posix) {
            // Created with 600 from the start (a umask can only take bits away), so no moment exists
            // in which another user could open it.
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
            log.warn("{}: this file system has no POSIX permissions, so the admin token file gets the folder's default "
                    + "access rights: make sure only the daemon's user can read {}", file, dir);
        }
        try {
            Files.writeString(temp, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return token;
    }

    /**
     * The token in {@code file} (its first line, trimmed). Blocking.
     *
     * @throws IOException when the file cannot be read or holds no token
     */
    public static String read(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.isEmpty()) {
            throw new IOException("the file is empty");
        }
        return token;
    }

    /**
     * Whether {@code presented} is {@code expected}, in time that does not depend on where they
     * differ or on their lengths (both are hashed first, then compared in constant time).
     */
    static boolean matches(byte[] expectedDigest, String presented) {
        return MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    /** SHA-256 of the token's UTF-8 bytes. */
    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
