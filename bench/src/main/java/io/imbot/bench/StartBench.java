package io.imbot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Part 6: cold start, from launching {@code bin/imbot run} (embedded server, file database, the
 * bundled plugins) to its "imbot ready" line, against the bare JVM's start ({@code java -version}):
 * the first start in a fresh folder, and a start of the same folder after a clean stop.
 */
final class StartBench {

    private StartBench() {}

    static void runOnce(Options o, Samples s) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(Env.java(), "-Xshare:auto", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(30, TimeUnit.SECONDS);
        s.add("start.jvm", (System.nanoTime() - t0) / 1e9);

        // The first start in a fresh folder also creates the database and records the launcher's
        // class-data archive; a start after that (the usual restart) maps the archive in.
        Path home = DaemonProcess.home(null);
        List<String> settings = List.of("-Dimbot.server.port=0", "-Dimbot.admin.port=0");
        try {
            DaemonProcess first = DaemonProcess.run(home, settings, true, o.verbose());
            s.add("start.first", first.startSeconds());
            first.stop();
            DaemonProcess again = DaemonProcess.run(home, settings, true, o.verbose());
            s.add("start.daemon", again.startSeconds());
            again.stop();
        } finally {
            Env.deleteTree(home);
        }
    }
}
