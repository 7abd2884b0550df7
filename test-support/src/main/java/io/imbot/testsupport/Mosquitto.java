package io.imbot.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The mosquitto broker from the system's packages, as a child process on a free loopback port
 * with a configuration written to a folder of the caller's: anonymous login, persistence in that
 * folder (saved on a clean stop, so a restart keeps sessions and queued messages). Stopped by its
 * PID; {@link #restart} starts it again on the same port and folder.
 */
public final class Mosquitto implements AutoCloseable {

    private final Path folder;
    private final int port;
    private final ServerProcess process;

    private Mosquitto(Path binary, Path folder, int port) {
        this.folder = folder;
        this.port = port;
        this.process = new ServerProcess("mosquitto on 127.0.0.1:" + port, List.of(binary.toString(), "-c", folder.resolve("mosquitto.conf").toString()),
                line -> line.contains(" running"));
    }

    /** The broker's binary on PATH or in /usr/sbin, or {@code null} when it is not installed. */
    public static Path binary() {
        return ServerProcess.find("mosquitto");
    }

    /**
     * Starts a broker and waits until it says it is running.
     *
     * @param folder where its configuration, persistence file and nothing else go
     * @param timeout how long to wait for it
     * @throws IllegalStateException when mosquitto is not installed or does not start, with its output
     */
    public static Mosquitto start(Path folder, Duration timeout) {
        Mosquitto broker = new Mosquitto(ServerProcess.require("mosquitto", "mosquitto"), folder, ServerProcess.freePort());
        broker.writeConfig();
        broker.process.launch(timeout);
        return broker;
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Its process ID while it runs. */
    public long pid() {
        return process.pid();
    }

    /** Stops it cleanly (SIGTERM, which saves its persistence file), then waits for it to end. */
    public void stop() {
        process.stop();
    }

    /** Starts it again on the same port with the same folder, after {@link #stop()}. */
    public void restart(Duration timeout) {
        stop();
        process.launch(timeout);
    }

    /** What it printed so far, for failure messages. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfig() {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("mosquitto.conf"), String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "user " + System.getProperty("user.name"), // as root it would switch to a user who cannot write here
                    "persistence true",
                    "persistence_location " + folder.toAbsolutePath() + "/",
                    "autosave_interval 0",
                    "max_queued_messages 1000000",
                    "max_inflight_messages 1000",
                    "log_dest stderr", // unbuffered: stdout to a pipe would hold the lines back
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "log_type information",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
