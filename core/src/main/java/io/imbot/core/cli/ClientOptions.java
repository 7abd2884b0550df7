package io.imbot.core.cli;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.core.config.ConfigException;
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

    @Option(names = "--connection", paramLabel = "NAME",
            description = "Reach the server of this configured connection (of kind imbot): its URL, TLS and trust settings.")
    String connection;

    /**
     * Options for the person's connection: to {@code --connection}'s server, or to {@code --host} and
     * {@code --port} (default: {@code server.host} and {@code server.port}) over plain TCP.
     *
     * @throws ConfigException for a connection the configuration does not have, or not of kind imbot
     */
    ImbotOptions tcp(ImbotConfig cfg, List<String> rooms) throws ConfigException {
        ImbotConfig.Server s = cfg.server();
        if (connection != null) {
            return ofConnection(cfg, rooms);
        }
        return new ImbotOptions(host != null ? host : s.host(), port != null ? port : s.port(), user, token, rooms, s.maxFrameBytes(),
                s.connectTimeout(), s.heartbeat(), s.heartbeatTimeout(), s.reconnect().initialDelay(), s.reconnect().maxDelay(),
                s.reconnect().resetAfter(), ImbotOptions.Transport.TCP);
    }

    private ImbotOptions ofConnection(ImbotConfig cfg, List<String> rooms) throws ConfigException {
        ConnectionSettings c = cfg.connections().stream().filter(x -> x.name().equals(connection)).findFirst()
                .orElseThrow(() -> new ConfigException("--connection: no connection named '" + connection + "' (connections: "
                        + String.join(", ", cfg.connections().stream().map(ConnectionSettings::name).toList()) + ")"));
        if (!c.kind().equals("imbot")) {
            throw new ConfigException("--connection: '" + connection + "' is of kind " + c.kind() + "; imbot send and chat speak imbot's protocol");
        }
        ConnectionSettings reachable = cfg.reachable(c, cfg.server().port());
        try {
            return ImbotOptions.from(new ConnectionSettings(c.name(), c.kind(), reachable.url(), user, token, rooms,
                    c.reconnectInitial(), c.reconnectMax(), reachable.options()), f -> cfg.home().resolve(f).normalize());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * Explains on stderr why the client could not connect and returns the exit status: {@link
     * Main#FAILED} when the server refused the login (it answered, but not as hoped), {@link
     * Main#UNREACHABLE} otherwise.
     */
    int connectFailed(Throwable cause) {
        String reason = String.valueOf(cause.getMessage());
        if (reason.contains(ErrorCode.LOGIN_REFUSED.wire() + ":")) { // how ImbotConnector words a fatal error
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
