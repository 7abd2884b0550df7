package io.imbot.bench;

import io.imbot.testsupport.TestCertificates;
import io.imbot.testsupport.TestCertificates.PemFiles;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The benchmark suite: starts the reference server in a second JVM, runs every part the options ask
 * for (several times unless quick), prints the table of medians and writes it to {@code
 * bench/target/bench-results.md}. A part that fails leaves its rows empty with the reason, and the
 * suite goes on.
 */
public final class Suite {

    private static final Map<String, List<String>> KEYS = Map.of(
            "send", List.of("raw.", "mem.w", "durable.", "plain.", "wire."),
            "mqtt", List.of("mqtt."),
            "xmpp", List.of("xmpp."),
            "irc", List.of("irc."),
            "reply", List.of("reply", "rss."),
            "memory", List.of("mem.pending"),
            "history", List.of("history."),
            "start", List.of("start."));

    private Suite() {}

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        Table table = run(o);
        String header = header(o, args, (System.nanoTime() - t0) / 1e9);
        String md = header + "\n" + table.markdown();
        System.out.println();
        System.out.println(md);
        Path out = Env.benchDir().resolve("target/bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println("written to " + out);
        System.exit(0);
    }

    /** Runs the suite and returns its table. */
    static Table run(Options o) throws Exception {
        Samples s = new Samples();
        Vertx vertx = Vertx.vertx();
        List<String> serverOpts = new java.util.ArrayList<>(List.of("-Xmx2g", "-Xms2g"));
        String extra = System.getenv("BENCH_SERVER_OPTS"); // for profiling the server JVM, e.g. -XX:StartFlightRecording=...
        if (extra != null && !extra.isBlank()) {
            serverOpts.addAll(List.of(extra.trim().split("\\s+")));
        }
        Path certs = Env.tempDir("certs-");
        PemFiles pem = TestCertificates.generate(certs);
        Child server = Child.java("server", serverOpts, ServerMain.class.getName(),
                List.of(pem.serverCert().toString(), pem.serverKey().toString()), o.verbose());
        HistoryBench history = new HistoryBench(vertx, o, s);
        try {
            int port = Integer.parseInt(server.awaitLine("PORT ", 60_000).substring(5).trim());
            Wires wires = Wires.parse(server.awaitLine("WIRES ", 60_000), pem.caCert());
            SendBench send = new SendBench(vertx, o, s, port, wires);
            ReplyBench reply = new ReplyBench(vertx, o, s, port);
            NetworkBench networks = new NetworkBench(vertx, o, s);
            for (int run = 1; run <= o.runs(); run++) {
                log(o, "run " + run + " of " + o.runs());
                part(o, s, "send", send::runOnce);
                part(o, s, "mqtt", send::mqttOnce);
                part(o, s, "xmpp", networks::xmppOnce);
                part(o, s, "irc", networks::ircOnce);
                part(o, s, "reply", reply::runOnce);
                part(o, s, "history", history::runOnce);
                part(o, s, "start", () -> StartBench.runOnce(o, s));
            }
            // Memory is deterministic enough for one run; it is also the slowest part to fill.
            part(o, s, "memory", () -> MemoryBench.runOnce(o, s, server, port));
        } finally {
            server.tell("quit");
            server.close();
            history.close();
            Env.deleteTree(certs);
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
        return new Table(s).build(o);
    }

    private interface Part {
        void run() throws Exception;
    }

    private static void part(Options o, Samples s, String name, Part part) {
        if (!o.runs(name)) {
            return;
        }
        long t0 = System.nanoTime();
        log(o, name + " ...");
        try {
            part.run();
        } catch (Exception | Error e) {
            String why = "failed: " + e;
            System.err.println("bench: part '" + name + "' " + why);
            e.printStackTrace();
            for (String k : KEYS.get(name)) {
                s.note(k, why.length() > 200 ? why.substring(0, 200) + "..." : why);
            }
        }
        log(o, name + " done in " + Table.fmt((System.nanoTime() - t0) / 1e9, 1) + " s");
    }

    private static void log(Options o, String text) {
        System.err.println("bench: " + text);
    }

    static String header(Options o, String[] args, double seconds) {
        return "Benchmark " + (o.quick() ? "(quick mode: tiny counts, not figures to quote) " : "") + "- "
                + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "\n\n"
                + "- command: `bench/run" + (args.length == 0 ? "" : " " + String.join(" ", args)) + "`, " + o.runs()
                + " run(s), medians; took " + Table.fmt(seconds, 0) + " s\n"
                + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + ", " + cpuModel() + "\n"
                + "- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n";
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Table.fmt(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0, 1) + " GiB memory";
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "? memory";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "unknown CPU";
    }
}
