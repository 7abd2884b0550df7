package io.imbot.core.cli;

import io.imbot.core.config.ConfigException;
import io.imbot.core.config.ImbotConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code data/imbot.pid}: the process ID of the daemon running from this imbot folder, written once
 * it starts and removed when it stops. {@code imbot status} and {@code imbot stop} find the daemon
 * through it, and a second {@code imbot run} on the same folder refuses to start. A file left by a
 * daemon that died (or a process ID the system has since given to another program) counts as none.
 */
final class PidFile {

    /** The main class every imbot JVM runs; a process without it is not ours. */
    private static final String MAIN = Main.class.getName();

    private final Path file;

    PidFile(Path file) {
        this.file = file;
    }

    /** The pid file of the daemon that runs from {@code cfg}'s imbot folder. */
    static PidFile of(ImbotConfig cfg) {
        return new PidFile(cfg.home().resolve("data").resolve("imbot.pid"));
    }

    /** {@link #running}, saying on standard output that imbot is not running when it finds no daemon. */
    Optional<ProcessHandle> runningOrSayNot() {
        Optional<ProcessHandle> daemon = running();
        if (daemon.isEmpty()) {
            System.out.println("imbot is not running (no live process in " + file + ")");
        }
        return daemon;
    }

    /** The running daemon the file names, if it names one. */
    Optional<ProcessHandle> running() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        long pid;
        try {
            pid = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(PidFile::isImbot);
    }

    /**
     * Records this process as the daemon.
     *
     * @throws ConfigException when another daemon runs from the same folder
     */
    void claim() throws ConfigException {
        Optional<ProcessHandle> other = running().filter(p -> p.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            throw new ConfigException("imbot already runs from " + file.getParent().getParent() + " (pid " + other.get().pid()
                    + ", " + file + "); stop it with 'imbot stop' first");
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
            Files.writeString(temp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConfigException("cannot write the pid file " + file + ": " + e.getMessage());
        }
    }

    /** Removes the file if it still names this process. */
    void release() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.equals(String.valueOf(ProcessHandle.current().pid()))) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // gone already, or unreadable: the next start treats a dead process's file as none
        }
    }

    /** Whether {@code p} runs imbot's main class; {@code true} when the system does not say (another user's process). */
    private static boolean isImbot(ProcessHandle p) {
        Optional<String[]> args = p.info().arguments();
        if (args.isEmpty()) {
            return p.info().commandLine().map(c -> c.contains(MAIN)).orElse(true);
        }
        for (String a : args.get()) {
            if (a.equals(MAIN)) {
                return true;
            }
        }
        return false;
    }
}
