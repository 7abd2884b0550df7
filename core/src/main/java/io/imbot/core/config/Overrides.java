package io.imbot.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies environment variables and system properties over the configuration tree. Every key has
 * both forms: {@code delivery.ackTimeout} is {@code IMBOT_DELIVERY_ACK_TIMEOUT} and {@code
 * -Dimbot.delivery.ackTimeout}. Lists take comma-separated values.
 */
final class Overrides {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Set<String> SECTIONS = Set.of("bot", "server", "delivery", "database", "history", "plugins", "admin");

    private final Map<String, String> env;
    private final Properties sysProps;

    Overrides(Map<String, String> env, Properties sysProps) {
        this.env = env;
        this.sysProps = sysProps;
    }

    /** Environment variable name of a key path: {@code delivery.ackTimeout -> IMBOT_DELIVERY_ACK_TIMEOUT}. */
    static String envName(String path) {
        return "IMBOT_" + path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase();
    }

    void apply(ObjectNode tree, Map<String, String> sources) throws ConfigException {
        List<String> leaves = new ArrayList<>();
        collectLeaves(tree, "", leaves);
        for (String path : leaves) {
            String name = envName(path);
            String value = env.get(name);
            if (value != null) {
                set(tree, path, value, "environment variable " + name, sources);
            }
        }
        for (String prop : sysProps.stringPropertyNames()) {
            if (!prop.startsWith("imbot.")) {
                continue;
            }
            String path = prop.substring("imbot.".length());
            String section = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (SECTIONS.contains(section)) {
                setChecked(tree, path, sysProps.getProperty(prop), "system property " + prop, sources);
            }
        }
    }

    private static void collectLeaves(JsonNode node, String prefix, List<String> out) {
        node.fields().forEachRemaining(f -> {
            String path = prefix + f.getKey();
            if (f.getValue().isObject() && !ConfigLoader.isFreeForm(path + ".")) {
                collectLeaves(f.getValue(), path + ".", out);
            } else if (!f.getValue().isObject()) {
                out.add(path);
            }
        });
    }

    private static void setChecked(ObjectNode tree, String path, String value, String source, Map<String, String> sources)
            throws ConfigException {
        String[] parts = path.split("\\.");
        JsonNode node = tree;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            walked.append(i == 0 ? "" : ".").append(parts[i]);
            boolean freeForm = ConfigLoader.isFreeForm(walked.toString());
            JsonNode next = node.get(parts[i]);
            if (next == null && freeForm) {
                break; // plugin sections are free-form: the rest of the path is created
            }
            if (next == null) {
                throw new ConfigException(source + ": " + walked + ": unknown key");
            }
            if (i < parts.length - 1 && next != null && !next.isObject()) {
                throw new ConfigException(source + ": " + walked + ": is a value, not a section");
            }
            node = next;
        }
        set(tree, path, value, source, sources);
    }

    private static void set(ObjectNode tree, String path, String value, String source, Map<String, String> sources) {
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null || !child.isObject()) {
                child = parent.putObject(parts[i]);
            }
            parent = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        JsonNode old = parent.get(leaf);
        if (old != null && old.isArray()) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    list.add(item.trim());
                }
            }
            parent.set(leaf, list);
        } else if (path.startsWith(ConfigLoader.FREE_FORM + ".")) {
            parent.set(leaf, scalar(value));
        } else {
            parent.put(leaf, value);
        }
        sources.put(path, source);
    }

    /**
     * A plugin's setting from the environment or a system property, typed as YAML would type it
     * ({@code 12} a number, {@code true} a boolean, else text), so a bot reads the same type
     * whatever the source. Core settings stay text: their binder converts them.
     */
    private static JsonNode scalar(String value) {
        String v = value.trim();
        if (v.equals("true") || v.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(v));
        }
        if (INTEGER.matcher(v).matches()) {
            long n = Long.parseLong(v);
            return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
        }
        if (DECIMAL.matcher(v).matches()) {
            return DoubleNode.valueOf(Double.parseDouble(v));
        }
        return TextNode.valueOf(value);
    }
}
