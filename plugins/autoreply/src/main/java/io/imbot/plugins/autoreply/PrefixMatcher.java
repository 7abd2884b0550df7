package io.imbot.plugins.autoreply;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches when the text starts with one of the prefixes; the rest is {@code {args}}. */
record PrefixMatcher(List<String> prefixes, boolean caseSensitive) implements TextMatcher {

    PrefixMatcher {
        prefixes = List.copyOf(prefixes);
    }

    @Override
    public String type() {
        return "prefix";
    }

    @Override
    public Optional<TextMatch> match(String text) {
        for (String prefix : prefixes) {
            if (text.regionMatches(!caseSensitive, 0, prefix, 0, prefix.length())) {
                String args = text.substring(prefix.length()).strip();
                return Optional.of(new TextMatch("prefix '" + prefix + "'",
                        Map.of("match", text.substring(0, prefix.length()), "args", args)));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean offers(String name) {
        return name.equals("match") || name.equals("args");
    }

    @Override
    public List<String> offered() {
        return List.of("{match}", "{args}");
    }
}
