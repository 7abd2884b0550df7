package io.imbot.core.cli;

import io.imbot.core.config.ImbotConfig;
import io.imbot.core.delivery.DeliverySettings;
import io.imbot.plugins.imbotconnector.ImbotOptions;
import io.imbot.protocol.ErrorCode;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a person's client connects, and as whom. */
final class ClientOptions {

    @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME", description = "Log in as this user.")
    String user;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:IMBOT_TOKEN:-}",
            description = "Login token, if the server wants one (default: the environment variable IMBOT_TOKEN, which other"
                    + " users of the machine cannot read, unlike a command line).")
    String token = "";

    @Option(names = "--host", paramLabel = "HOST", description = "IM server host (default: server.host).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "IM server port (default: server.port).")
    Integer port;

    ImbotOptions tcp(ImbotConfig cfg, List<String> rooms) {
        ImbotConfig.Server s = cfg.server();
        return new ImbotOptions(host != null ? host : s.host(), port != null ? port : s.port(), user, token, rooms, s.maxFrameBytes(),
                s.connectTimeout(), s.heartbeat(), s.heartbeatTimeout(), s.reconnect().initialDelay(), s.reconnect().maxDelay(),
                s.reconnect().resetAfter());
    }

    /**
     * Explains on stderr why the client could not connect and returns the exit status: {@link
     * Main#FAILED} when the server refused the login (it answered, but not as hoped), {@link
     * Main#UNREACHABLE} otherwise.
     */
    int connectFailed(Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        if (reason.startsWith(ErrorCode.LOGIN_REFUSED.wire() + ":")) { // how ImbotConnector words a fatal error
            System.err.println("imbot: the server refused the login of '" + user + "'"
                    + (token.isEmpty() ? ": it needs a token (--token, or the environment variable IMBOT_TOKEN)" : ": wrong token"));
            return Main.FAILED;
        }
        System.err.println("imbot: " + reason);
        return Main.UNREACHABLE;
    }

    /** The daemon's delivery limits, with a deadline that suits an interactive client. */
    static DeliverySettings delivery(ImbotConfig cfg) {
        ImbotConfig.Delivery d = cfg.delivery();
        Duration deadline = d.ackTimeout().multipliedBy(d.maxAttempts()).plusSeconds(1);
        return new DeliverySettings(d.ackTimeout(), d.maxAttempts(), deadline, d.window(), 1000, Duration.ofSeconds(2), d.maxBodyChars());
    }
}
