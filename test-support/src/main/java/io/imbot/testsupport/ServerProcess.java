package io.imbot.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server from the system's packages run as a child process: started with a command line, ready
 * once a line of its output says so, stopped by its PID. Its output (stdout and stderr together)
 * is kept for failure messages. The servers in this package build on it.
 */
public final class ServerProcess implements AutoCloseable {

    private static final String END = "\u0000end of output";

    private final String name;
    private final List<String> command;
    private final Predicate<String> ready;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    /**
     * Describes a server; nothing runs until {@link #launch}.
     *
     * @param name how messages name it, such as {@code mosquitto on 127.0.0.1:1883}
     * @param command the command line
     * @param ready true for the line of output that says it is ready
     */
    public ServerProcess(String name, List<String> command, Predicate<String> ready) {
        this.name = name;
        this.command = List.copyOf(command);
        this.ready = ready;
    }

    /**
     * A program on PATH or in the usual system folders, or {@code null} when it is not installed.
     *
     * @param program its file name, such as {@code mosquitto}
     */
    public static Path find(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/usr/bin:/sbin";
        for (String d : path.split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** A program that must be installed; the exception says how to install it. */
    public static Path require(String program, String debianPackage) {
        Path p = find(program);
        if (p == null) {
            throw new IllegalStateException(program + " is not installed (apt-get install " + debianPackage + "; .ci/run installs it)");
        }
        return p;
    }

    /** A free TCP port on 127.0.0.1 at the time of the call. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the process and waits until it prints its ready line.
     *
     * @throws IllegalStateException when it ends or stays silent first, with its output
     */
    public void launch(Duration timeout) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
        Process p = process;
        Thread reader = new Thread(() -> readAll(p, lines), name + " output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line != null && !line.equals(END) && ready.test(line)) {
                    return;
                }
                if (line == null || line.equals(END)) {
                    stop();
                    throw new IllegalStateException(name + " did not start within " + timeout.toMillis() + " ms; output:\n" + output());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while " + name + " started", e);
        }
    }

    private void readAll(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
        lines.add(END);
    }

    /** Its process ID while it runs. */
    public long pid() {
        return process.pid();
    }

    /** Whether it runs. */
    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Stops it with SIGTERM (SIGKILL after 10 s) and waits for it to end. */
    public void stop() {
        if (!alive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills it with SIGKILL and waits for it to end. */
    public void kill() {
        if (!alive()) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What it printed so far. */
    public String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() {
        stop();
    }
}
