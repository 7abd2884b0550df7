package io.imbot.plugins.commands;

import io.imbot.api.BotCommand;
import io.imbot.api.DaemonStatus;
import io.imbot.api.MessageEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code /status}: uptime, message counters, pending deliveries and the connection. */
final class StatusCommand implements Command {

    /** Operators only: it tells the daemon's load and state, which is not every user's business. */
    private static final BotCommand INFO = new BotCommand(
            "status", "/status", "shows uptime, messages sent and received, pending deliveries and the connection", true);

    @Override
    public BotCommand info() {
        return INFO;
    }

    @Override
    public CompletionStage<String> run(List<String> args, MessageEvent event) {
        String text = args.isEmpty() ? format(event.context().status()) : "Usage: " + INFO.usage();
        return CompletableFuture.completedStage(text);
    }

    /** For example {@code Up 2h 5m 0s, connected} and {@code Messages: 12 received, 10 sent, 0 pending}. */
    static String format(DaemonStatus status) {
        return "Up " + uptime(status.uptime()) + ", " + (status.connected() ? "connected" : "NOT connected to the IM server")
                + "\nMessages: " + status.received() + " received, " + status.sent() + " sent, " + status.pending()
                + " pending";
    }

    /** Days, hours, minutes and seconds, leaving out the leading units that are zero: {@code 42s}, {@code 1d 0h 3m 0s}. */
    static String uptime(Duration uptime) {
        long seconds = Math.max(0, uptime.getSeconds());
        long[] parts = {seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0 || !out.isEmpty() || i == parts.length - 1) {
                out.append(out.isEmpty() ? "" : " ").append(parts[i]).append(units[i]);
            }
        }
        return out.toString();
    }
}
