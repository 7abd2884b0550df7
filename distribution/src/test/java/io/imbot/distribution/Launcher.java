package io.imbot.distribution;

import io.imbot.testsupport.Timeouts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the built distribution's bin/imbot as a user would: separate processes, real ports. */
final class Launcher {

    final Path home;
    final Map<String, String> env = new HashMap<>();

    Launcher(Path home) {
        this.home = home;
    }

    /** Copies the built distribution folder into {@code target}, keeping the launcher executable. */
    static Launcher install(Path target) throws IOException {
        Path built = Path.of(System.getProperty("imbot.distribution", "target/imbot"));
        try (Stream<Path> files = Files.walk(built)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(built.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        target.resolve("bin/imbot").toFile().setExecutable(true);
        return new Launcher(target);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static long seconds(long s) {
        return Timeouts.seconds(s);
    }

    /** The admin token the running daemon wrote into this home, or empty before its first start. */
    String adminToken() {
        try {
            return Files.readString(home.resolve("data/admin.token")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** GET on the running daemon's admin API with its token; the body, or empty when it does not answer. */
    String admin(String path) throws InterruptedException {
        return adminRequest(path, null, true).body();
    }

    /** POST of a JSON body on the running daemon's admin API with its token; the body, or empty when it does not answer. */
    String adminPost(String path, String json) throws InterruptedException {
        return adminRequest(path, json, true).body();
    }

    /** An answer of the admin API: status and body (0 and empty when nothing answered). */
    record Answer(int status, String body) {}

    /** GET ({@code json} null) or POST on the admin API, with or without the token. */
    Answer adminRequest(String path, String json, boolean withToken) throws InterruptedException {
        try {
            var http = java.net.http.HttpClient.newHttpClient();
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + env.get("IMBOT_ADMIN_PORT") + path));
            if (withToken) {
                request.header("Authorization", "Bearer " + adminToken());
            }
            if (json != null) {
                request.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
            }
            var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, "");
        }
    }

    /** Polls {@code check} every 50 ms (scaled time limit) until it holds. */
    static void until(long seconds, String what, java.util.concurrent.Callable<Boolean> check) throws Exception {
        long deadline = System.nanoTime() + seconds(seconds) * 1_000_000_000L;
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            while (!check.call()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + seconds(seconds) + " s: " + what);
                }
                timer.schedule(() -> null, 50, TimeUnit.MILLISECONDS).get();
            }
        } finally {
            timer.shutdownNow();
        }
    }

    /** A finished command: exit status and everything it printed (stdout then stderr). */
    record Result(int exit, String out, String err) {}

    /** Runs {@code bin/imbot args...} from {@code workDir} and waits for it to end. */
    Result run(Path workDir, String... args) throws Exception {
        Process p = start(workDir, false, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds(60), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("imbot " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), out, err);
    }

    Process start(Path workDir, boolean mergeErr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/imbot").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(mergeErr);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** A running daemon whose output is collected line by line. */
    static final class Daemon implements AutoCloseable {
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);

        Daemon(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                        if (line.contains("imbot ready")) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    lines.add("(output unreadable: " + e + ")");
                } finally {
                    ended.countDown();
                }
            }, "daemon-output");
            reader.setDaemon(true);
            reader.start();
        }

        void awaitReady() throws InterruptedException {
            if (!ready.await(seconds(60), TimeUnit.SECONDS)) {
                throw new AssertionError("daemon not ready; output:\n" + String.join("\n", lines));
            }
        }

        /** SIGTERM, then the exit status once the output is drained. */
        int terminate() throws Exception {
            // Not Process.destroy(): it also closes our end of the output, losing the last lines.
            new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();
            if (!process.waitFor(seconds(30), TimeUnit.SECONDS) || !ended.await(seconds(10), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("daemon did not stop on SIGTERM; output:\n" + String.join("\n", lines));
            }
            return process.exitValue();
        }

        String output() {
            return String.join("\n", lines);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    Daemon daemon(Path workDir, String... args) throws IOException {
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Daemon(start(workDir, true, all));
    }
}
