package io.imbot.plugins.autoreply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches when one of the keywords appears as a whole word (or words): {@code hi} matches
 * {@code oh hi there} and {@code Hi!}, not {@code this}.
 */
final class KeywordMatcher implements TextMatcher {

    private final List<String> keywords;
    private final List<Pattern> patterns;

    KeywordMatcher(List<String> keywords, boolean caseSensitive) {
        this.keywords = List.copyOf(keywords);
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.patterns = this.keywords.stream()
                .map(k -> Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(k) + "(?![\\p{L}\\p{N}_])", flags))
                .toList();
    }

    @Override
    public String type() {
        return "keyword";
    }

    @Override
    public Optional<TextMatch> match(String text) {
        for (int i = 0; i < patterns.size(); i++) {
            Matcher m = patterns.get(i).matcher(text);
            if (m.find()) {
                return Optional.of(new TextMatch("keyword '" + keywords.get(i) + "' found", Map.of("match", m.group())));
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
