package io.imbot.plugins.autoreply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one YAML mapping strictly: unknown keys and values of the wrong type are errors that name
 * the key, the line and, for typos, the key that was probably meant.
 */
final class Fields {

    private final YNode.Map map;
    private final String where;
    private final LinkedHashMap<String, YNode.Entry> entries = new LinkedHashMap<>();

    /**
     * @param node the mapping to read
     * @param where how errors name it, for example {@code rule 'greeting'}
     * @param known the keys allowed in it
     */
    Fields(YNode node, String where, Set<String> known) throws RuleFileException {
        if (!(node instanceof YNode.Map m)) {
            throw RuleFileException.at(node, where + " must be a mapping of keys to values, not " + node.kind());
        }
        this.map = m;
        this.where = where;
        for (YNode.Entry entry : m.entries()) {
            String key = entry.key().text();
            if (!known.contains(key)) {
                throw RuleFileException.at(entry.key(), "unknown key '" + key + "' in " + where + hint(key, known));
            }
            entries.put(key, entry);
        }
    }

    YNode.Map node() {
        return map;
    }

    String where() {
        return where;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key}, if written. */
    Optional<YNode> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(YNode.Entry::value);
    }

    /** The key's own node, for errors about the key as a whole. */
    YNode keyNode(String key) {
        return entries.get(key).key();
    }

    /** A text value; numbers and booleans are taken as written. Empty when the key is absent. */
    Optional<String> text(String key) throws RuleFileException {
        Optional<YNode> value = value(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(text(key, value.get()));
    }

    /** One text or a non-empty list of texts. Empty when the key is absent. */
    Optional<List<String>> texts(String key) throws RuleFileException {
        Optional<YNode> value = value(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(nodes(key).stream().map(n -> ((YNode.Scalar) n).text()).toList());
    }

    /** The nodes of one scalar or a non-empty list of scalars, each checked to be a text. */
    List<YNode> nodes(String key) throws RuleFileException {
        YNode value = value(key).orElseThrow();
        List<YNode> items = value instanceof YNode.Seq seq ? seq.items() : List.of(value);
        if (items.isEmpty()) {
            throw RuleFileException.at(value, "'" + key + "' in " + where + " must not be an empty list");
        }
        List<YNode> checked = new ArrayList<>();
        for (YNode item : items) {
            text(key, item);
            checked.add(item);
        }
        return checked;
    }

    boolean bool(String key, boolean otherwise) throws RuleFileException {
        Optional<YNode> value = value(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get() instanceof YNode.Scalar s && s.type() == YNode.Scalar.Type.BOOL) {
            return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
        }
        throw RuleFileException.at(value.get(), "'" + key + "' in " + where + " must be true or false, not " + value.get().kind());
    }

    int integer(String key, int otherwise) throws RuleFileException {
        Optional<YNode> value = value(key);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get() instanceof YNode.Scalar s && s.type() == YNode.Scalar.Type.INT) {
            try {
                return Integer.parseInt(s.text().replace("+", ""));
            } catch (NumberFormatException e) {
                // falls through to the error below (hex, octal or too large)
            }
        }
        throw RuleFileException.at(value.get(), "'" + key + "' in " + where + " must be a whole number, not " + value.get().kind());
    }

    private String text(String key, YNode node) throws RuleFileException {
        if (node instanceof YNode.Scalar s && s.type() != YNode.Scalar.Type.NULL) {
            return s.text();
        }
        throw RuleFileException.at(node, "'" + key + "' in " + where + " must be a text, not " + node.kind());
    }

    /** "; did you mean 'x'?" for a near miss, else the list of known keys. */
    static String hint(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(1, key.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        return " (known keys: " + String.join(", ", new TreeSet<>(known)) + ")";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
