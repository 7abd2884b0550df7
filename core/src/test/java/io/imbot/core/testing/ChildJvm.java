package io.imbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.testsupport.Timeouts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java main class run in a JVM of its own on this test's class path, so a test can kill it with
 * SIGKILL or stop it with SIGTERM. Its output goes to {@code target/children/NAME-N.log} (kept, to
 * read after a failed run), which the test reads line by line.
 */
public final class ChildJvm implements AutoCloseable {

    private static final AtomicInteger STARTED = new AtomicInteger();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with {@code jvmArgs} (such as {@code -Dkey=value}) and {@code args}. */
    public static ChildJvm start(String name, List<String> jvmArgs, Class<?> main, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path log = Path.of("target", "children", name + "-" + STARTED.incrementAndGet() + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(name, process, log);
    }

    /** Every line printed so far. */
    public List<String> lines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The first line matching {@code regex} so far, or {@code null}. */
    public Matcher find(String regex) {
        List<Matcher> all = findAll(regex);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every match of {@code regex} so far, one per line. */
    public List<Matcher> findAll(String regex) {
        Pattern p = Pattern.compile(regex);
        List<Matcher> out = new ArrayList<>();
        for (String line : lines()) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.add(m);
            }
        }
        return out;
    }

    /** Waits until a line matches {@code regex}; fails with the child's output if it dies first or time runs out. */
    public Matcher awaitMatch(Vertx vertx, String regex, long seconds) {
        Pattern p = Pattern.compile(regex);
        Futures.await(Await.until(vertx, seconds, () -> !process.isAlive() || lines().stream().anyMatch(l -> p.matcher(l).find()))
                .recover(e -> Future.succeededFuture()), seconds + 10);
        Matcher m = find(regex);
        assertThat(m).as("%s never printed /%s/; its output: %s", name, regex, tail()).isNotNull();
        return m;
    }

    /** Whether the process is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process dies at once, as in a power cut; waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(Timeouts.seconds(30), TimeUnit.SECONDS)).as("%s did not die", name).isTrue();
    }

    /**
     * SIGTERM: a clean stop. Returns the exit status once the process has ended; a JVM that ran its
     * shutdown hooks after SIGTERM exits with 143.
     */
    public int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(Timeouts.seconds(60), TimeUnit.SECONDS)).as("%s did not stop; output: %s", name, tail()).isTrue();
        return process.exitValue();
    }

    /** The last lines printed, for failure messages. */
    public String tail() {
        List<String> all = lines();
        return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
