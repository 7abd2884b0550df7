package io.imbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Where things are: the repository, the built classpath, the java binary; scratch folders and free ports. */
final class Env {

    private static final AtomicInteger USERS = new AtomicInteger();

    private Env() {}

    /** The {@code bench/} folder: {@code -Dbench.dir}, else {@code ./bench} or the working directory. */
    static Path benchDir() {
        String prop = System.getProperty("bench.dir");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return Files.isDirectory(cwd.resolve("bench")) ? cwd.resolve("bench") : cwd;
    }

    static Path repoRoot() {
        return benchDir().getParent();
    }

    /** The built distribution, {@code distribution/target/imbot}. */
    static Path distribution() {
        return repoRoot().resolve("distribution/target/imbot");
    }

    /** The same java that runs this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes plus its runtime dependencies, for child JVMs. */
    static String classpath() {
        Path file = benchDir().resolve("target/classpath.txt");
        try {
            String deps = Files.readString(file).trim();
            return benchDir().resolve("target/classes") + java.io.File.pathSeparator + deps;
        } catch (IOException e) {
            throw new UncheckedIOException("no " + file + ": build first (mvn -DskipTests package)", e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user name no other run on this server took: {@code kind}, this process's ID, a counter. */
    static String uniqueUser(String kind) {
        return kind + ProcessHandle.current().pid() + "x" + USERS.getAndIncrement();
    }

    static Path tempDir(String prefix) {
        try {
            Path base = benchDir().resolve("target/work");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // scratch space under target/: a leftover is harmless
        }
    }

    /** Resident memory of a process in bytes, from /proc; -1 where unavailable. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
