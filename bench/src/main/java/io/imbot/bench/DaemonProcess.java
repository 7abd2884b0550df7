package io.imbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built daemon, {@code bin/imbot run}, in a scratch home: a copy of {@code bin/} and {@code
 * conf/}, links to the distribution's {@code lib/} and {@code plugins/}, its own {@code data/}.
 * Settings go in as {@code -Dimbot.*} through {@code IMBOT_JAVA_OPTS}, as a user would pass them.
 */
final class DaemonProcess implements AutoCloseable {

    private final Child child;
    private final Path home;
    final long readyAtNs;
    final long startedAtNs;

    private DaemonProcess(Child child, Path home, long startedAtNs, long readyAtNs) {
        this.child = child;
        this.home = home;
        this.startedAtNs = startedAtNs;
        this.readyAtNs = readyAtNs;
    }

    /** A scratch home; {@code rules} (may be null) replaces {@code conf/autoreply.yaml}. */
    static Path home(String rules) throws Exception {
        Path dist = Env.distribution();
        if (!Files.isExecutable(dist.resolve("bin/imbot"))) {
            throw new IllegalStateException("no built distribution at " + dist + ": run mvn -DskipTests package first");
        }
        Path home = Env.tempDir("home-");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(dist.resolve("bin/imbot"), home.resolve("bin/imbot"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("conf"));
        try (var files = Files.list(dist.resolve("conf"))) {
            for (Path f : files.toList()) {
                Files.copy(f, home.resolve("conf").resolve(f.getFileName()));
            }
        }
        if (rules != null) {
            Files.writeString(home.resolve("conf/autoreply.yaml"), rules);
        }
        Files.createSymbolicLink(home.resolve("lib"), dist.resolve("lib"));
        Files.createSymbolicLink(home.resolve("plugins"), dist.resolve("plugins"));
        return home;
    }

    /**
     * Runs {@code bin/imbot run} in {@code home} and waits for the ready line. {@code cds} false
     * sets {@code IMBOT_CDS=off}: no class-data archive is recorded at exit (recording disables JFR
     * and slows the stop).
     */
    static DaemonProcess run(Path home, List<String> settings, boolean cds, boolean verbose) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/imbot").toString(), "run"));
        long t0 = System.nanoTime();
        Child child = Child.start("daemon", cmd, Map.of("IMBOT_JAVA_OPTS", String.join(" ", settings),
                "JAVA_HOME", System.getProperty("java.home"), "IMBOT_CDS", cds ? "on" : "off"), verbose);
        try {
            child.awaitLine("imbot ready", 60_000);
        } catch (RuntimeException | InterruptedException e) {
            child.close();
            throw e;
        }
        return new DaemonProcess(child, home, t0, System.nanoTime());
    }

    long pid() {
        return child.pid();
    }

    double startSeconds() {
        return (readyAtNs - startedAtNs) / 1e9;
    }

    /** SIGTERM (the daemon stops cleanly), then removes the scratch home. */
    @Override
    public void close() {
        stop();
        Env.deleteTree(home);
    }

    /** SIGTERM; waits for the daemon to stop cleanly; keeps the home. */
    void stop() {
        child.close();
    }
}
