package io.imbot.plugins.autoreply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches when the whole text equals one of the values. */
record ExactMatcher(List<String> values, boolean caseSensitive) implements TextMatcher {

    ExactMatcher {
        values = List.copyOf(values);
    }

    @Override
    public String type() {
        return "exact";
    }

    @Override
    public Optional<TextMatch> match(String text) {
        for (String value : values) {
            if (caseSensitive ? text.equals(value) : text.equalsIgnoreCase(value)) {
                return Optional.of(new TextMatch("exact '" + value + "'", Map.of("match", text)));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean offers(String name) {
        return name.equals("match");
    }

    @Override
    public List<String> offered() {
        return List.of("{match}");
    }
}
