package io.imbot.plugins.autoreply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A reply text with placeholders: {@code Hello, {sender}!}. A placeholder is a name or a group
 * number in braces; {@code {{} and {@code }}} stand for literal braces.
 */
final class Template {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|[0-9]+");

    private sealed interface Part permits Literal, Slot {}

    private record Literal(String text) implements Part {}

    private record Slot(String name) implements Part {}

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code source}.
     *
     * @throws IllegalArgumentException with a reason fit for the user when a brace is unbalanced or
     *     a placeholder is not a name or number
     */
    static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < source.length() && source.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at position " + (i + 1) + " has no '{' (write '}}' for a brace)");
            } else if (c == '{') {
                int end = source.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'{' at position " + (i + 1) + " is never closed (write '{{' for a brace)");
                }
                String name = source.substring(i + 1, end).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'{" + name + "}' is not a placeholder: use a name like {sender} or a group number like {1}");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Slot(name));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return new Template(source, parts);
    }

    /** The placeholder names used, in order of first use. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Slot slot) {
                names.add(slot.name());
            }
        }
        return names;
    }

    /** Fills in the placeholders; {@code values} returns {@code null} for "nothing", rendered empty. */
    String render(Function<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                String value = values.apply(((Slot) part).name());
                out.append(value == null ? "" : value);
            }
        }
        return out.toString();
    }

    /** The text as written in the file. */
    String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
