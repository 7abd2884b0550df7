package io.imbot.core.config;

import io.imbot.api.connector.ConnectionSettings;
import io.imbot.server.TokenHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's whole configuration, validated. Built by {@link ConfigLoader}; every relative path
 * is already resolved against {@link #home()}.
 *
 * @param home the installation folder (holds conf/, data/, logs/, plugins/)
 * @param configFile the file the settings came from, or {@code null} for built-in defaults only
 * @param connections the connections to IM networks, at least one; the first takes sends that name
 *     none. Without a {@code connections} list it is the one that {@code bot} and {@code server}
 *     describe, named {@value io.imbot.api.ChatMessage#DEFAULT_CONNECTION}
 */
public record ImbotConfig(
        Path home,
        Path configFile,
        Bot bot,
        Server server,
        Delivery delivery,
        Database database,
        History history,
        Plugins plugins,
        Admin admin,
        List<ConnectionSettings> connections) {

    /** The URL of a connection to the embedded reference server, whose port is known once it listens. */
    public static final String EMBEDDED_URL = "embedded";

    public ImbotConfig {
        connections = List.copyOf(connections);
    }

    /**
     * {@code c} with the embedded server's address in place of {@value #EMBEDDED_URL}: the server
     * listening on {@code port}, over TLS when it speaks it, trusting exactly its own certificate
     * (so the names in it do not matter). Other connections are returned as they are.
     */
    public ConnectionSettings reachable(ConnectionSettings c, int port) {
        if (!c.url().equals(EMBEDDED_URL)) {
            return c;
        }
        String host = server.host().contains(":") ? "[" + server.host() + "]" : server.host();
        Map<String, Object> options = new LinkedHashMap<>(c.options());
        if (server.tls() != null) {
            options.put("caFile", server.tls().cert().toString());
            options.put("verifyHost", false);
        }
        return new ConnectionSettings(c.name(), c.kind(), (server.tls() != null ? "tls://" : "tcp://") + host + ":" + port, c.user(),
                c.token(), c.rooms(), c.reconnectInitial(), c.reconnectMax(), options);
    }

    /** The folder of the configuration file ({@code conf/} by default). */
    public Path configDir() {
        return configFile != null ? configFile.toAbsolutePath().getParent() : home.resolve("conf");
    }

    /** The account the daemon logs in with, and the rooms it joins. */
    public record Bot(String user, String token, List<String> rooms) {
        public Bot {
            rooms = List.copyOf(rooms);
        }

        /** Never shows the token. */
        @Override
        public String toString() {
            return "Bot[user=" + user + ", token=" + (token.isEmpty() ? "" : "***") + ", rooms=" + rooms + "]";
        }
    }

    /**
     * Where the IM server is and how the connection to it behaves; and, for the reference server
     * (embedded, or {@code imbot server}), whom it lets in and what it bounds.
     *
     * @param webSocketPort the reference server's WebSocket port: -1 for none, 0 for any free one
     * @param tls the reference server's certificate and key (both ports speak TLS), or {@code null} for plain
     */
    public record Server(
            String host,
            int port,
            boolean embedded,
            int maxFrameBytes,
            Duration connectTimeout,
            Duration heartbeat,
            Duration heartbeatTimeout,
            Reconnect reconnect,
            Login login,
            int maxConnections,
            Duration idleTimeout,
            Queue queue,
            int webSocketPort,
            Tls tls) {}

    /**
     * Who may log in to the reference server.
     *
     * @param open whether users without an account get in without a token (never the bot user)
     * @param accounts user name to token hash, from {@code server.login.accounts}
     * @param accountsFile a YAML file of more {@code user: hash} lines, read when the server starts;
     *     {@code null} for none
     * @param timeout how long a connection may take to log in
     */
    public record Login(boolean open, Map<String, TokenHash> accounts, Path accountsFile, Duration timeout) {
        public Login {
            accounts = Map.copyOf(accounts);
        }
    }

    /** The reference server's queue limits, per recipient and in all. */
    public record Queue(int maxMessages, long maxBytes, long maxTotalBytes) {}

    /** Exponential backoff between reconnection attempts. */
    public record Reconnect(Duration initialDelay, Duration maxDelay, Duration resetAfter) {}

    /** The delivery engine's limits. */
    public record Delivery(
            Duration ackTimeout,
            int maxAttempts,
            Duration deadline,
            int window,
            int backlog,
            Duration stopGrace,
            int maxBodyChars,
            int maxUnhandled) {}

    /** The history database. */
    public record Database(String url, Duration lockWait) {}

    /**
     * How long the history keeps messages. Pruning never removes a message still being sent or an
     * inbound message the bots have not finished with, nor anything stored after them.
     *
     * @param keepAge messages stored longer ago than this go; {@code null} keeps them by age forever
     * @param keepPerConversation each conversation keeps at most this many messages, the newest; 0: no limit
     * @param pruneEvery how often the pruner looks for messages to remove
     * @param pruneBatch messages removed per transaction, so the writers never wait long
     */
    public record History(Duration keepAge, int keepPerConversation, Duration pruneEvery, int pruneBatch) {

        /** Whether anything is ever pruned. */
        public boolean prunes() {
            return keepAge != null || keepPerConversation > 0;
        }
    }

    /** The plugin host. */
    public record Plugins(
            Path dir,
            Duration watchInterval,
            Duration callTimeout,
            int maxConsecutiveFailures,
            ReplyRate replyRate,
            List<String> disabled,
            Map<String, Map<String, Object>> config,
            List<String> operators) {
        public Plugins {
            disabled = List.copyOf(disabled);
            operators = List.copyOf(operators);
            config = Map.copyOf(config);
        }

        /** The configuration section of one plugin (empty when there is none). */
        public Map<String, Object> configOf(String pluginId) {
            return config.getOrDefault(pluginId, Map.of());
        }
    }

    /** At most {@code count} bot replies per conversation within {@code per}. */
    public record ReplyRate(int count, Duration per) {}

    /**
     * The local admin API used by the CLI (threat model and defaults: docs/SECURITY.md).
     *
     * @param token the bearer token every request must carry; empty: a fresh one is written to
     *     {@code tokenFile} at each start
     * @param tokenFile where the daemon writes its token and the CLI reads it
     * @param maxConnections open connections at most; more are closed as they arrive
     * @param requestTimeout how long a connection has to deliver its whole request (head and body)
     * @param idleTimeout a connection with no bytes moving either way for this long is closed
     * @param allowedHosts host names the API answers to besides {@code host} (and, on loopback or a
     *     wildcard address, 127.0.0.1, localhost and [::1])
     * @param tls the key and certificate to serve HTTPS with, or {@code null} for plain HTTP
     * @param allowPlainHttp lets {@code host} be a non-loopback address without TLS
     */
    public record Admin(
            boolean enabled,
            String host,
            int port,
            String token,
            Path tokenFile,
            int maxConnections,
            Duration requestTimeout,
            Duration idleTimeout,
            List<String> allowedHosts,
            Tls tls,
            boolean allowPlainHttp) {
        public Admin {
            allowedHosts = List.copyOf(allowedHosts);
        }

        /** Whether {@code host} is a loopback address or {@code localhost}: only this machine can connect. */
        public boolean onLoopback() {
            return Addresses.isLoopback(host);
        }

        /** Whether {@code host} is a wildcard address (0.0.0.0, ::): every interface, loopback included. */
        public boolean onWildcard() {
            return Addresses.isWildcard(host);
        }

        /** Never shows the token. */
        @Override
        public String toString() {
            return "Admin[enabled=" + enabled + ", host=" + host + ", port=" + port + ", token=" + (token.isEmpty() ? "(file)" : "(set)")
                    + ", tokenFile=" + tokenFile + ", maxConnections=" + maxConnections + ", requestTimeout=" + requestTimeout
                    + ", idleTimeout=" + idleTimeout + ", allowedHosts=" + allowedHosts + ", tls=" + tls + ", allowPlainHttp="
                    + allowPlainHttp + "]";
        }
    }

    /** PEM files: the private key and its certificate chain. */
    public record Tls(Path cert, Path key) {}
}
