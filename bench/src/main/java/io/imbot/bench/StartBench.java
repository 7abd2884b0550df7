package io.imbot.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Part 6: cold start, from launching {@code bin/imbot run} (embedded server, file database, the
 * bundled plugins) to its "imbot ready" line, against the bare JVM's start ({@code java -version}).
 */
final class StartBench {

    private StartBench() {}

    static void runOnce(Options o, Samples s) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(Env.java(), "-Xshare:auto", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(30, TimeUnit.SECONDS);
        s.add("start.jvm", (System.nanoTime() - t0) / 1e9);

        Path home = DaemonProcess.home(null);
        List<String> settings = List.of("-Dimbot.server.port=0", "-Dimbot.admin.port=0");
        try (DaemonProcess d = DaemonProcess.run(home, settings, o.verbose())) {
            s.add("start.daemon", d.startSeconds());
        }
    }
}
