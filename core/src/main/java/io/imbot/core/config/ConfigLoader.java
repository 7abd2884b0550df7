package io.imbot.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the configuration: built-in defaults, then the YAML file, then environment variables
 * ({@code IMBOT_DELIVERY_ACK_TIMEOUT}), then system properties ({@code imbot.delivery.ackTimeout}).
 * Anything wrong stops loading with one {@link ConfigException} that names where the value came
 * from, the key and what is wrong.
 */
public final class ConfigLoader {

    static final String FREE_FORM = "plugins.config";
    static final String ACCOUNTS = "server.login.accounts";

    /** Duplicate keys are an error, not "the last one wins": a pasted section must not silently override. */
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** A configuration file is read whole; one this large is a mistake, not a configuration. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private final Map<String, String> env;
    private final Properties sysProps;

    /** A loader that reads the real environment and system properties. */
    public ConfigLoader() {
        this(System.getenv(), System.getProperties());
    }

    /** A loader with the given environment and system properties (for tests). */
    public ConfigLoader(Map<String, String> env, Properties sysProps) {
        this.env = Map.copyOf(env);
        this.sysProps = sysProps;
    }

    /**
     * Loads and validates the configuration.
     *
     * @param home the installation folder that relative paths are resolved against
     * @param file the YAML file, or {@code null} to use the built-in defaults alone
     * @throws ConfigException when the file is missing or unreadable, not YAML, has unknown keys or
     *     values of the wrong type or range; likewise for overrides
     */
    public ImbotConfig load(Path home, Path file) throws ConfigException {
        ObjectNode tree = defaults();
        Map<String, String> sources = new HashMap<>();
        if (file != null) {
            String name = file.toString();
            merge(tree, readFile(file), "", name, sources);
        }
        new Overrides(env, sysProps).apply(tree, sources);
        return new ConfigBinder(tree, sources, env).bind(home.toAbsolutePath().normalize(), file);
    }

    static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("built-in defaults.yaml is unreadable", e);
        }
    }

    private static ObjectNode readFile(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": configuration file not found");
        }
        JsonNode node;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigException(file + ": " + size + " bytes; a configuration file may have at most " + MAX_FILE_BYTES
                        + " bytes (1 MiB)");
            }
            node = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new ConfigException(file + ": not valid YAML" + (line > 0 ? " at line " + line : "") + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(file + ": the top level must be a mapping of sections (bot:, server:, ...)");
        }
        return (ObjectNode) node;
    }

    /** Copies {@code from} over {@code into}, refusing keys the defaults do not know. */
    private static void merge(ObjectNode into, ObjectNode from, String prefix, String source, Map<String, String> sources)
            throws ConfigException {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            JsonNode known = into.get(field.getKey());
            boolean freeForm = isFreeForm(prefix);
            if (known == null && !freeForm) {
                throw new ConfigException(source + ": " + key + ": unknown key (known keys here: "
                        + knownKeys(into) + ")");
            }
            if (value.isNull()) {
                continue;
            }
            if (known != null && known.isObject() && !freeForm) {
                if (!value.isObject()) {
                    throw new ConfigException(source + ": " + key + ": expected a section of keys, got '" + value.asText() + "'");
                }
                merge((ObjectNode) known, (ObjectNode) value, key + ".", source, sources);
            } else {
                into.set(field.getKey(), value);
                markSource(value, key, source, sources);
            }
        }
    }

    /**
     * Whether keys under {@code prefix} (ending in a dot) are free-form: plugin sections and the
     * accounts, whose keys are user names.
     */
    static boolean isFreeForm(String prefix) {
        return prefix.startsWith(FREE_FORM + ".") || prefix.startsWith(ACCOUNTS + ".");
    }

    private static String knownKeys(ObjectNode node) {
        StringBuilder out = new StringBuilder();
        node.fieldNames().forEachRemaining(name -> out.append(out.length() == 0 ? "" : ", ").append(name));
        return out.toString();
    }

    private static void markSource(JsonNode value, String key, String source, Map<String, String> sources) {
        sources.put(key, source);
        if (value.isObject()) {
            value.fields().forEachRemaining(f -> markSource(f.getValue(), key + "." + f.getKey(), source, sources));
        }
    }
}
