package io.imbot.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imbot.api.ChatMessage;
import io.imbot.api.connector.ConnectionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds the {@code connections} list: each item a named connection to an IM network. Without a
 * list, the one connection that {@code bot} and {@code server} describe. Names, kinds, URLs and
 * users are checked here; what a URL or an option means is the connector's to check.
 */
final class ConnectionsBinder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("name", "kind", "url", "user", "token", "tokenEnv", "rooms", "reconnect", "options");
    private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9_-]{0,31}";
    static final String DEFAULT_KIND = "imbot";

    private final JsonNode list;
    private final String source;
    private final Function<String, String> environment;

    ConnectionsBinder(JsonNode list, String source, Function<String, String> environment) {
        this.list = list;
        this.source = source;
        this.environment = environment;
    }

    List<ConnectionSettings> bind(ImbotConfig.Bot bot, ImbotConfig.Server server) throws ConfigException {
        if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
            return List.of(fromSections(bot, server));
        }
        if (!list.isArray()) {
            throw error("connections", "expected a list of connections (- name: ..., kind: ..., url: ...)");
        }
        List<ConnectionSettings> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ConnectionSettings c = item(list.get(i), "connections[" + i + "]", server);
            if (!names.add(c.name())) {
                throw error("connections[" + i + "].name", "'" + c.name() + "' names two connections; each needs its own name");
            }
            out.add(c);
        }
        return out;
    }

    /** The single connection of a configuration without a list: the reference server's protocol. */
    private static ConnectionSettings fromSections(ImbotConfig.Bot bot, ImbotConfig.Server s) {
        String host = s.host().contains(":") ? "[" + s.host() + "]" : s.host();
        String url = s.embedded() ? ImbotConfig.EMBEDDED_URL : "tcp://" + host + ":" + s.port();
        Map<String, Object> options = Map.of("maxFrameBytes", s.maxFrameBytes(), "connectTimeout", s.connectTimeout(),
                "heartbeat", s.heartbeat(), "heartbeatTimeout", s.heartbeatTimeout(), "resetAfter", s.reconnect().resetAfter());
        return new ConnectionSettings(ChatMessage.DEFAULT_CONNECTION, DEFAULT_KIND, url, bot.user(), bot.token(), bot.rooms(),
                s.reconnect().initialDelay(), s.reconnect().maxDelay(), options);
    }

    private ConnectionSettings item(JsonNode n, String at, ImbotConfig.Server server) throws ConfigException {
        if (!n.isObject()) {
            throw error(at, "expected a connection with name, kind, url and user");
        }
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw error(at + "." + key, "unknown key (known keys here: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String name = text(n, at, "name", null);
        if (!name.matches(NAME_RULE)) {
            throw error(at + ".name", "expected 1-32 letters, digits, '_' or '-' (starting with a letter or digit), got '" + name + "'");
        }
        String url = text(n, at, "url", null);
        if (url.equals(ImbotConfig.EMBEDDED_URL) && !server.embedded()) {
            throw error(at + ".url", "'embedded' names the reference server inside the daemon, but server.embedded is false");
        }
        JsonNode reconnect = n.get("reconnect");
        return new ConnectionSettings(name, text(n, at, "kind", DEFAULT_KIND), url, text(n, at, "user", null), token(n, at),
                rooms(n.get("rooms"), at + ".rooms"),
                duration(reconnect, at + ".reconnect", "initialDelay", server.reconnect().initialDelay()),
                duration(reconnect, at + ".reconnect", "maxDelay", server.reconnect().maxDelay()),
                options(n.get("options"), at + ".options"));
    }

    private String text(JsonNode n, String at, String key, String fallback) throws ConfigException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw error(at + "." + key, "missing; every connection needs one");
            }
            return fallback;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw error(at + "." + key, "expected a single non-empty value");
        }
        return v.asText().trim();
    }

    /** {@code token}, or the environment variable {@code tokenEnv} names; never both. The value is never shown. */
    private String token(JsonNode n, String at) throws ConfigException {
        JsonNode token = n.get("token");
        JsonNode env = n.get("tokenEnv");
        if (token != null && !token.isNull() && env != null && !env.isNull()) {
            throw error(at + ".token", "set token or tokenEnv, not both");
        }
        if (env != null && !env.isNull()) {
            String value = environment.apply(env.asText());
            if (value == null || value.isEmpty()) {
                throw error(at + ".tokenEnv", "the environment variable " + env.asText() + " is not set");
            }
            return value;
        }
        if (token == null || token.isNull()) {
            return "";
        }
        if (!token.isValueNode()) {
            throw error(at + ".token", "expected a single value (not shown)");
        }
        return token.asText();
    }

    private List<String> rooms(JsonNode n, String at) throws ConfigException {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw error(at, "expected a list such as [\"#lobby\"]");
        }
        for (JsonNode room : n) {
            if (!room.isTextual() || !room.asText().startsWith("#") || room.asText().length() < 2) {
                throw error(at, "room names start with '#' (quote them in YAML: \"#lobby\"), got '" + room.asText() + "'");
            }
            out.add(room.asText());
        }
        return out;
    }

    private Duration duration(JsonNode section, String at, String key, Duration fallback) throws ConfigException {
        JsonNode v = section == null ? null : section.get(key);
        if (section != null && !section.isObject()) {
            throw error(at, "expected a section with initialDelay and maxDelay");
        }
        if (v == null || v.isNull()) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(v.asText());
            if (d.isZero()) {
                throw new IllegalArgumentException("must be longer than 0");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw error(at + "." + key, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> options(JsonNode n, String at) throws ConfigException {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw error(at, "expected a section of the connector's settings");
        }
        Map<String, Object> out = new LinkedHashMap<>(JSON.convertValue(n, Map.class));
        out.values().removeIf(v -> v == null);
        return out;
    }

    private ConfigException error(String path, String problem) {
        return new ConfigException(source + ": " + path + ": " + problem);
    }
}
