package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code imbot stop}: asks the daemon running from this imbot folder to stop (SIGTERM, the same
 * clean stop as Ctrl-C) and waits until its process is gone.
 */
@Command(name = "stop", description = {"Stop the daemon that runs from this imbot folder, cleanly, and wait until it is gone.",
        "Exit status: 0 stopped or not running, 1 still running after the wait."})
final class StopCommand implements Callable<Integer> {

    /** Room beyond the daemon's own stop grace for the bots, the database and the JVM to finish. */
    private static final long EXTRA_WAIT_SECONDS = 30;

    @Mixin
    ConfigOptions config;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long to wait for the daemon to exit (default: delivery.stopGrace + 30 s).")
    Long timeoutSeconds;

    @Option(names = "--force", description = "Kill the daemon (SIGKILL) if it is still running after the wait.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ImbotConfig cfg = config.load();
        Optional<ProcessHandle> daemon = PidFile.of(cfg).runningOrSayNot();
        if (daemon.isEmpty()) {
            return 0;
        }
        ProcessHandle p = daemon.get();
        long wait = timeoutSeconds != null ? timeoutSeconds : cfg.delivery().stopGrace().toSeconds() + EXTRA_WAIT_SECONDS;
        System.out.println("stopping imbot (pid " + p.pid() + "), waiting up to " + wait + " s");
        if (!p.destroy()) {
            System.err.println("imbot: cannot signal pid " + p.pid() + " (the daemon runs as another user?): run this as the daemon's"
                    + " user, or use the service manager (systemctl stop imbot)");
            return Main.FAILED;
        }
        if (exited(p, wait)) {
            System.out.println("imbot stopped");
            return 0;
        }
        if (force) {
            p.destroyForcibly();
            if (exited(p, 10)) {
                System.out.println("imbot did not stop in " + wait + " s and was killed; messages not yet acknowledged are resent at the next start");
                return 0;
            }
        }
        System.err.println("imbot: still running after " + wait + " s (pid " + p.pid() + ")" + (force ? "" : "; 'imbot stop --force' kills it"));
        return Main.FAILED;
    }

    private static boolean exited(ProcessHandle p, long seconds) throws InterruptedException {
        try {
            p.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        }
    }
}
