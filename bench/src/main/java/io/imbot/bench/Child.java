package io.imbot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose standard output is read line by line on a daemon thread. Lines are kept in
 * a queue for {@link #awaitLine}; everything is also echoed to this JVM's stderr when verbose.
 */
final class Child implements AutoCloseable {

    private final String name;
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintStream stdin;

    private Child(String name, Process process, boolean verbose) {
        this.name = name;
        this.process = process;
        this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (verbose) {
                        System.err.println("  [" + name + "] " + line);
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "bench-child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} with stderr merged into stdout. */
    static Child start(String name, List<String> command, java.util.Map<String, String> env, boolean verbose) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            return new Child(name, pb.start(), verbose);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Starts a JVM running {@code mainClass} of this module with the same java and the built classpath. */
    static Child java(String name, List<String> jvmOptions, String mainClass, List<String> args, boolean verbose) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Env.java());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(Env.classpath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return start(name, cmd, java.util.Map.of(), verbose);
    }

    /** Waits for a line containing {@code marker}; returns it. Fails when the process ends first or time runs out. */
    String awaitLine(String marker, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        StringBuilder seen = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(name + ": no '" + marker + "' within " + timeoutMs + " ms; output:\n" + tail(seen));
            }
            String line = lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + " before '" + marker + "'; output:\n"
                            + tail(seen));
                }
                continue;
            }
            seen.append(line).append('\n');
            if (line.contains(marker)) {
                return line;
            }
        }
    }

    private static String tail(StringBuilder s) {
        return s.length() <= 4000 ? s.toString() : "..." + s.substring(s.length() - 4000);
    }

    /** Writes one line to the child's stdin. */
    void tell(String line) {
        stdin.println(line);
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** SIGTERM, then SIGKILL if it has not ended within 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
