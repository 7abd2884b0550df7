package io.imbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java main class run in a JVM of its own on this test's class path, so a test can kill it with
 * SIGKILL or stop it with SIGTERM. Its output is collected line by line.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::collect, "child-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code jvmArgs} (such as {@code -Dkey=value}) and {@code args}. */
    public static ChildJvm start(String name, List<String> jvmArgs, Class<?> main, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-Xshare:auto"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(name, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void collect() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (Exception e) {
            lines.add("(unreadable: " + e + ")");
        }
    }

    /** Every line printed so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The first line matching {@code regex} so far, or {@code null}. */
    public Matcher find(String regex) {
        Pattern p = Pattern.compile(regex);
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        return null;
    }

    /** Every match of {@code regex} so far, one per line. */
    public List<Matcher> findAll(String regex) {
        Pattern p = Pattern.compile(regex);
        List<Matcher> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.add(m);
            }
        }
        return out;
    }

    /** Waits until a line matches {@code regex}; fails with the child's output if it dies first or time runs out. */
    public Matcher awaitMatch(Vertx vertx, String regex, long seconds) {
        Futures.await(Await.until(vertx, seconds, () -> find(regex) != null || !process.isAlive())
                .recover(e -> io.vertx.core.Future.succeededFuture()), seconds + 10);
        Matcher m = find(regex);
        assertThat(m).as("%s never printed /%s/; its output: %s", name, regex, tail()).isNotNull();
        return m;
    }

    /** SIGKILL: the process dies at once, as in a power cut; waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(Timeouts.seconds(30), TimeUnit.SECONDS)).as("%s did not die", name).isTrue();
    }

    /** SIGTERM: a clean stop; returns the exit status once the process has ended. */
    public int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(Timeouts.seconds(60), TimeUnit.SECONDS)).as("%s did not stop; output: %s", name, tail()).isTrue();
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
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
