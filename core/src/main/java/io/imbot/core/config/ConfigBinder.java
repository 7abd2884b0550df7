package io.imbot.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imbot.api.connector.ConnectionSettings;
import io.imbot.protocol.Fields;
import io.imbot.server.ServerOptions;
import io.imbot.server.TokenHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the merged tree into {@link ImbotConfig}, checking each value's type and range. */
final class ConfigBinder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode tree;
    private final Map<String, String> sources;
    /** The environment, for {@code tokenEnv}. */
    private final Map<String, String> env;

    ConfigBinder(JsonNode tree, Map<String, String> sources, Map<String, String> env) {
        this.tree = tree;
        this.sources = sources;
        this.env = env;
    }

    ImbotConfig bind(Path home, Path file) throws ConfigException {
        ImbotConfig.Bot bot = new ImbotConfig.Bot(user("bot.user"), string("bot.token"), rooms("bot.rooms"));
        int maxFrameBytes = integer("server.maxFrameBytes", 1024, 64 << 20);
        ImbotConfig.Server server = new ImbotConfig.Server(
                host("server.host"),
                port("server.port"),
                bool("server.embedded"),
                maxFrameBytes,
                duration("server.connectTimeout"),
                duration("server.heartbeat"),
                duration("server.heartbeatTimeout"),
                new ImbotConfig.Reconnect(
                        duration("server.reconnect.initialDelay"),
                        duration("server.reconnect.maxDelay"),
                        duration("server.reconnect.resetAfter")),
                new ImbotConfig.Login(
                        bool("server.login.open"),
                        accounts("server.login.accounts"),
                        optionalPath("server.login.accountsFile", home),
                        duration("server.login.timeout")),
                integer("server.maxConnections", 1, 1_000_000),
                duration("server.idleTimeout"),
                new ImbotConfig.Queue(
                        integer("server.queue.maxMessages", 1, 100_000_000),
                        queueBytes("server.queue.maxBytes", maxFrameBytes),
                        queueBytes("server.queue.maxTotalBytes", maxFrameBytes)),
                integer("server.webSocketPort", -1, 65535),
                tls("server.tls", home));
        ImbotConfig.Delivery delivery = new ImbotConfig.Delivery(
                duration("delivery.ackTimeout"),
                integer("delivery.maxAttempts", 1, 100),
                duration("delivery.deadline"),
                integer("delivery.window", 1, 100_000),
                integer("delivery.backlog", 1, 10_000_000),
                duration("delivery.stopGrace"),
                integer("delivery.maxBodyChars", 1, 1 << 20),
                integer("delivery.maxUnhandled", 1, 1_000_000));
        ImbotConfig.Database database = new ImbotConfig.Database(jdbcUrl("database.url", home), duration("database.lockWait"));
        ImbotConfig.History history = new ImbotConfig.History(
                keepAge("history.keep.age"),
                integer("history.keep.perConversation", 0, 100_000_000),
                duration("history.pruneEvery"),
                integer("history.pruneBatch", 1, 100_000));
        ImbotConfig.Plugins plugins = new ImbotConfig.Plugins(
                home.resolve(string("plugins.dir")).normalize(),
                duration("plugins.watchInterval"),
                duration("plugins.callTimeout"),
                integer("plugins.maxConsecutiveFailures", 1, 1000),
                new ImbotConfig.ReplyRate(integer("plugins.replyRate.count", 1, 100_000), duration("plugins.replyRate.per")),
                strings("plugins.disabled"),
                pluginSections(),
                strings("plugins.operators"));
        ImbotConfig.Admin admin = admin(home);
        if (server.heartbeatTimeout().compareTo(server.heartbeat()) <= 0) {
            throw error("server.heartbeatTimeout", "must be longer than server.heartbeat (" + Durations.format(server.heartbeat()) + ")");
        }
        List<ConnectionSettings> connections = new ConnectionsBinder(node("connections"), sources.getOrDefault("connections", "built-in default"), env::get)
                .bind(bot, server);
        return new ImbotConfig(home, file == null ? null : file.toAbsolutePath(), bot, server, delivery, database, history, plugins, admin,
                connections);
    }

    /** The admin section; a non-loopback host needs TLS or the explicit plain-HTTP override. */
    private ImbotConfig.Admin admin(Path home) throws ConfigException {
        String token = scalar("admin.token");
        if (!token.isEmpty() && (token.length() < 32 || !token.chars().allMatch(c -> c > ' ' && c < 127))) {
            // The value is a secret: the message never shows it.
            throw error("admin.token", "expected at least 32 visible ASCII characters without spaces (the value is not shown), "
                    + "or \"\" for a fresh token at each start in admin.tokenFile");
        }
        String tokenFile = string("admin.tokenFile").trim();
        if (tokenFile.isEmpty()) {
            throw error("admin.tokenFile", "expected a file path, got nothing");
        }
        ImbotConfig.Admin admin = new ImbotConfig.Admin(
                bool("admin.enabled"),
                host("admin.host"),
                port("admin.port"),
                token,
                home.resolve(tokenFile).normalize(),
                integer("admin.maxConnections", 1, 10_000),
                duration("admin.requestTimeout"),
                duration("admin.idleTimeout"),
                hostNames("admin.allowedHosts"),
                tls("admin.tls", home),
                bool("admin.allowPlainHttp"));
        if (!admin.onLoopback() && admin.tls() == null && !admin.allowPlainHttp()) {
            throw error("admin.host", "'" + admin.host() + "' is not a loopback address, so the admin API would be reachable "
                    + "from other machines: serve it over TLS (admin.tls.cert and admin.tls.key) or, to accept plain HTTP "
                    + "anyway, set admin.allowPlainHttp: true");
        }
        return admin;
    }

    private ImbotConfig.Tls tls(String section, Path home) throws ConfigException {
        String cert = scalar(section + ".cert").trim();
        String key = scalar(section + ".key").trim();
        if (cert.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw error(section + (cert.isEmpty() ? ".cert" : ".key"), "TLS needs both " + section + ".cert and " + section
                    + ".key (PEM files)");
        }
        return new ImbotConfig.Tls(readableFile(section + ".cert", home.resolve(cert)), readableFile(section + ".key", home.resolve(key)));
    }

    private Path readableFile(String path, Path file) throws ConfigException {
        Path f = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
            throw error(path, "no readable file " + f);
        }
        return f;
    }

    /** Host names or address literals, without scheme or port; lower case. */
    private List<String> hostNames(String path) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String name : strings(path)) {
            boolean ipv6 = name.startsWith("[") && name.endsWith("]");
            if (!name.matches(ipv6 ? "\\[[0-9A-Fa-f:.]+]" : "[A-Za-z0-9.-]+")) {
                throw error(path, "expected host names or addresses without scheme or port (IPv6 in brackets), got '" + name + "'");
            }
            out.add(name.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private JsonNode node(String path) {
        JsonNode n = tree;
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }

    private ConfigException error(String path, String problem) {
        String source = sources.getOrDefault(path, "built-in default");
        return new ConfigException(source + ": " + path + ": " + problem);
    }

    private String scalar(String path) throws ConfigException {
        JsonNode n = node(path);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isValueNode()) {
            throw error(path, "expected a single value, got a " + (n.isArray() ? "list" : "section"));
        }
        return n.asText();
    }

    private String string(String path) throws ConfigException {
        return scalar(path);
    }

    private String user(String path) throws ConfigException {
        String v = scalar(path);
        if (!Fields.isUser(v)) {
            throw error(path, "expected a user name of 1-64 letters, digits, '_', '.' or '-', got '" + v + "'");
        }
        return v;
    }

    private String host(String path) throws ConfigException {
        String v = scalar(path).trim();
        if (v.isEmpty()) {
            throw error(path, "expected a host name or address, got nothing");
        }
        return v;
    }

    private int port(String path) throws ConfigException {
        return integer(path, 0, 65535);
    }

    private int integer(String path, int min, int max) throws ConfigException {
        String v = scalar(path).trim();
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(path, "expected a whole number from " + min + " to " + max + ", got '" + v + "'");
        }
        if (n < min || n > max) {
            throw error(path, "expected a whole number from " + min + " to " + max + ", got " + n);
        }
        return (int) n;
    }

    private boolean bool(String path) throws ConfigException {
        String v = scalar(path).trim();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw error(path, "expected true or false, got '" + v + "'");
    }

    /** A duration, or {@code forever} ({@code null}): how long the history keeps messages. */
    private Duration keepAge(String path) throws ConfigException {
        String v = scalar(path);
        if (v.equals("forever")) {
            return null;
        }
        try {
            return duration(path);
        } catch (ConfigException e) {
            throw error(path, "expected forever or a duration such as 90d or 12h, got '" + v + "'");
        }
    }

    private Duration duration(String path) throws ConfigException {
        String v = scalar(path);
        Duration d;
        try {
            d = Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
        if (d.isZero()) {
            throw error(path, "must be longer than 0, got '" + v + "'");
        }
        return d;
    }

    private Path optionalPath(String path, Path home) throws ConfigException {
        String v = scalar(path).trim();
        return v.isEmpty() ? null : home.resolve(v).normalize();
    }

    /** A size in bytes or a share of the heap, large enough for the largest message a frame can carry. */
    private long queueBytes(String path, int maxFrameBytes) throws ConfigException {
        String v = scalar(path);
        long bytes;
        try {
            bytes = ByteSizes.parse(v, true);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage());
        }
        long least = ServerOptions.largestMessageBytes(maxFrameBytes);
        if (bytes < least) {
            throw error(path, "must be at least " + least + " bytes (twice server.maxFrameBytes plus "
                    + ServerOptions.MESSAGE_OVERHEAD_BYTES + ", so the largest message fits), got '" + v.trim() + "' = " + bytes);
        }
        return bytes;
    }

    /** User name to token hash; each value as printed by {@code imbot token}. */
    private Map<String, TokenHash> accounts(String path) throws ConfigException {
        JsonNode n = node(path);
        Map<String, TokenHash> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw error(path, "expected a section of user: token-hash lines");
        }
        var fields = n.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String key = path + "." + f.getKey();
            if (!Fields.isUser(f.getKey())) {
                throw error(key, "'" + f.getKey() + "' is not a user name (1-64 letters, digits, '_', '.' or '-')");
            }
            if (!f.getValue().isTextual()) {
                throw error(key, "expected a token hash as printed by 'imbot token'");
            }
            try {
                out.put(f.getKey(), TokenHash.parse(f.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw error(key, e.getMessage());
            }
        }
        return out;
    }

    private List<String> strings(String path) throws ConfigException {
        JsonNode n = node(path);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw error(path, "expected a list such as [a, b], got '" + n.asText() + "'");
        }
        for (JsonNode item : n) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                throw error(path, "expected a list of names, got an item '" + item + "'");
            }
            out.add(item.asText().trim());
        }
        return out;
    }

    private List<String> rooms(String path) throws ConfigException {
        List<String> rooms = strings(path);
        for (String room : rooms) {
            if (!Fields.isRoom(room)) {
                throw error(path, "room names start with '#' (quote them in YAML: \"#lobby\"), got '" + room + "'");
            }
        }
        return rooms;
    }

    private String jdbcUrl(String path, Path home) throws ConfigException {
        String url = scalar(path).trim();
        String filePrefix = "jdbc:hsqldb:file:";
        if (url.startsWith(filePrefix)) {
            String rest = url.substring(filePrefix.length());
            int semi = rest.indexOf(';');
            String location = semi < 0 ? rest : rest.substring(0, semi);
            String params = semi < 0 ? "" : rest.substring(semi);
            return filePrefix + home.resolve(location).normalize() + params;
        }
        if (!url.startsWith("jdbc:hsqldb:")) {
            throw error(path, "expected an HSQLDB JDBC URL (jdbc:hsqldb:file:... or jdbc:hsqldb:mem:...), got '" + url + "'");
        }
        return url;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> pluginSections() throws ConfigException {
        JsonNode n = node(ConfigLoader.FREE_FORM);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw error(ConfigLoader.FREE_FORM, "expected a section with one subsection per plugin ID");
        }
        var fields = n.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().isObject() && !f.getValue().isNull()) {
                throw error(ConfigLoader.FREE_FORM + "." + f.getKey(), "expected a section of the plugin's settings");
            }
            out.put(f.getKey(), f.getValue().isNull() ? Map.of() : JSON.convertValue(f.getValue(), Map.class));
        }
        return out;
    }
}
