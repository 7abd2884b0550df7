package io.imbot.plugins.autoreply;

import java.util.List;
import java.util.Objects;

/**
 * A YAML value with the place it was written (line and column from 1). The rest of the plugin
 * reads these instead of the YAML library's nodes, so only {@link YamlTree} touches the library.
 */
sealed interface YNode permits YNode.Scalar, YNode.Seq, YNode.Map {

    int line();

    int column();

    /** What to call this kind of value in an error message. */
    String kind();

    /**
     * A scalar; {@code type} is what YAML 1.2's core schema made of it.
     *
     * @param text the scalar as written (unquoted); empty for a null
     */
    record Scalar(String text, Type type, int line, int column) implements YNode {

        /** The core schema's types; {@code STRING} for anything quoted. */
        enum Type { STRING, INT, FLOAT, BOOL, NULL }

        public Scalar {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String kind() {
            return type == Type.NULL ? "nothing" : "'" + text + "'";
        }
    }

    /** A sequence. */
    record Seq(List<YNode> items, int line, int column) implements YNode {

        public Seq {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping with string keys, in file order; keys are unique. */
    record Map(List<Entry> entries, int line, int column) implements YNode {

        public Map {
            entries = List.copyOf(entries);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key and its value. */
    record Entry(Scalar key, YNode value) {

        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
