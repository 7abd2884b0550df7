package io.imbot.plugins.autoreply;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TextMatcher} found.
 *
 * @param why a short explanation, for example {@code keyword 'hello' found}
 * @param values the placeholders the match fills: {@code match}, {@code args}, group numbers,
 *     group names
 */
record TextMatch(String why, Map<String, String> values) {

    TextMatch {
        Objects.requireNonNull(why, "why");
        // Not Map.copyOf: a group that took no part in the match has a null value.
        values = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values));
    }
}
