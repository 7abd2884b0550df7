package io.imbot.plugins.autoreply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Turns YAML text into a {@link YNode} tree with line numbers, using snakeyaml-engine's composer
 * (YAML 1.2, core schema). Syntax errors, duplicate keys, non-string keys and overly deep nesting
 * become {@link RuleFileException}s with the place they occur.
 */
final class YamlTree {

    private static final int MAX_DEPTH = 32;

    private YamlTree() {}

    /** Parses one YAML document; empty when the text holds none (empty or only comments). */
    static Optional<YNode> parse(String text) throws RuleFileException {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(50)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new RuleFileException(
                    mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0),
                    "invalid YAML: " + context + problem);
        } catch (YamlEngineException e) {
            throw new RuleFileException(0, 0, "invalid YAML: " + e.getMessage());
        }
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(convert(root.get(), 0));
    }

    private static YNode convert(Node node, int depth) throws RuleFileException {
        if (node instanceof AnchorNode anchor) {
            return convert(anchor.getRealNode(), depth);
        }
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (depth > MAX_DEPTH) {
            throw new RuleFileException(line, column, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node instanceof ScalarNode scalar) {
            return new YNode.Scalar(scalar.getValue(), typeOf(scalar), line, column);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new YNode.Seq(items, line, column);
        }
        MappingNode map = (MappingNode) node;
        List<YNode.Entry> entries = new ArrayList<>();
        HashMap<String, YNode.Scalar> seen = new HashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            YNode key = convert(tuple.getKeyNode(), depth + 1);
            if (!(key instanceof YNode.Scalar k) || k.type() == YNode.Scalar.Type.NULL) {
                throw RuleFileException.at(key, "a key must be a plain word, not " + key.kind());
            }
            YNode.Scalar first = seen.putIfAbsent(k.text(), k);
            if (first != null) {
                throw RuleFileException.at(k, "duplicate key '" + k.text() + "' (first at line " + first.line() + ")");
            }
            entries.add(new YNode.Entry(k, convert(tuple.getValueNode(), depth + 1)));
        }
        return new YNode.Map(entries, line, column);
    }

    private static YNode.Scalar.Type typeOf(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return YNode.Scalar.Type.NULL;
        } else if (Tag.BOOL.equals(tag)) {
            return YNode.Scalar.Type.BOOL;
        } else if (Tag.INT.equals(tag)) {
            return YNode.Scalar.Type.INT;
        } else if (Tag.FLOAT.equals(tag)) {
            return YNode.Scalar.Type.FLOAT;
        }
        return YNode.Scalar.Type.STRING;
    }
}
