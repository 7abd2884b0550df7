package io.imbot.plugins.autoreply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;

/**
 * Keeps the rules of one file current. {@link #poll()} looks at the file's modification time and
 * size, reads it when they changed, and parses it when its SHA-256 differs from the last content
 * seen. A file that fails to parse is reported once (file, line, reason) and the rules in force
 * stay; a fixed file is picked up by the next poll.
 *
 * <p>Timestamps can be coarse, so a file changed within {@link #RACY} of being read may change
 * again without a new time or size; such a file is read again at every poll until it settles (as
 * git treats "racily clean" files).
 *
 * <p>{@link #poll()} runs on the bot's worker thread only; {@link #current()} is safe from any
 * thread.
 */
final class RuleFileWatcher {

    static final Duration RACY = Duration.ofSeconds(3);

    private final Path file;
    private final ZoneId defaultZone;
    private final System.Logger log;
    private volatile RuleSet current;

    // Poll state, confined to the poll thread.
    private boolean loadedOnce;
    private FileTime seenTime;
    private long seenSize = -1;
    private Instant readAt;
    private byte[] seenHash;
    private String lastProblem;

    RuleFileWatcher(Path file, ZoneId defaultZone, System.Logger log) {
        this.file = Objects.requireNonNull(file, "file");
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
        this.log = Objects.requireNonNull(log, "log");
        this.current = RuleSet.empty(defaultZone);
    }

    /** The rules in force. */
    RuleSet current() {
        return current;
    }

    Path file() {
        return file;
    }

    /** Loads the file if it changed since the last poll; never throws. */
    void poll() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            seenTime = null;
            seenSize = -1;
            seenHash = null;
            problem(loadedOnce
                    ? "rules file " + file + " is gone; keeping the " + rulesInForce() + " loaded before"
                    : "rules file " + file + " not found; no auto-replies until it is created");
            return;
        } catch (IOException e) {
            problem("cannot read rules file " + file + ": " + e + "; " + consequence());
            return;
        }
        boolean moved = !attributes.lastModifiedTime().equals(seenTime) || attributes.size() != seenSize;
        boolean racy = readAt != null && Duration.between(seenTime.toInstant(), readAt).compareTo(RACY) < 0;
        if (!moved && !racy && seenHash != null) {
            return;
        }
        Instant readStart = Instant.now(); // wall time, compared with the file system's times
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problem("cannot read rules file " + file + ": " + e + "; " + consequence());
            return;
        }
        seenTime = attributes.lastModifiedTime();
        seenSize = attributes.size();
        readAt = readStart;
        byte[] hash = sha256(bytes);
        if (Arrays.equals(hash, seenHash)) {
            return;
        }
        seenHash = hash;
        load(bytes);
    }

    private void load(byte[] bytes) {
        try {
            RuleSet rules = RuleFile.parse(file, bytes, defaultZone);
            current = rules;
            lastProblem = null;
            log.log(System.Logger.Level.INFO, (loadedOnce ? "reloaded " : "loaded ") + count(rules.rules().size())
                    + " from " + file);
            loadedOnce = true;
        } catch (RuleFileException e) {
            problem(e.getMessage() + "; " + consequence());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours or of the YAML library must not take the bot down with it.
            problem(file + ": cannot be read as rules (" + e + "); " + consequence());
        }
    }

    /** Logs a problem unless it is the one logged last: a broken file is reported once, not every poll. */
    private void problem(String message) {
        if (message.equals(lastProblem)) {
            return;
        }
        lastProblem = message;
        log.log(loadedOnce ? System.Logger.Level.WARNING : System.Logger.Level.ERROR, message);
    }

    private String consequence() {
        return loadedOnce ? "keeping the " + rulesInForce() + " loaded before" : "no auto-replies until the file is fixed";
    }

    private String rulesInForce() {
        return count(current.rules().size());
    }

    private static String count(int rules) {
        return rules == 1 ? "1 rule" : rules + " rules";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
