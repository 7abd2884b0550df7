package io.imbot.plugins.autoreply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches when the Java regular expression is found anywhere in the text (anchor it with {@code ^}
 * and {@code $} to match the whole text). Groups fill {@code {0}} (the whole match), {@code {1}}...
 * and named groups {@code {name}}.
 */
final class RegexMatcher implements TextMatcher {

    /** A match on a chat message takes microseconds; one still running after this backtracks without end. */
    static final long BUDGET_NANOS = 100_000_000L;

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Pattern pattern;
    private final int groupCount;
    private final Set<String> groupNames;

    /** @throws java.util.regex.PatternSyntaxException when {@code regex} is not valid */
    RegexMatcher(String regex, boolean caseSensitive) {
        this.pattern = Pattern.compile(regex, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.groupCount = pattern.matcher("").groupCount();
        this.groupNames = namedGroups(regex);
    }

    /** The names of the named groups (Java 17 has no {@code Pattern.namedGroups()}). */
    static Set<String> namedGroups(String regex) {
        Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = NAMED_GROUP.matcher(regex);
        while (m.find()) {
            int backslashes = 0;
            for (int i = m.start() - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    Set<String> groupNames() {
        return groupNames;
    }

    @Override
    public String type() {
        return "regex";
    }

    /** @throws DeadlineText.TooSlow when the match runs longer than {@link #BUDGET_NANOS} */
    @Override
    public Optional<TextMatch> match(String text) {
        Matcher m = pattern.matcher(new DeadlineText(text, BUDGET_NANOS));
        if (!m.find()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        values.put("match", m.group());
        for (int i = 0; i <= groupCount; i++) {
            values.put(Integer.toString(i), m.group(i));
        }
        for (String name : groupNames) {
            try {
                values.put(name, m.group(name));
            } catch (IllegalArgumentException e) {
                // "(?<x>" inside a character class is no group; the placeholder stays empty.
            }
        }
        return Optional.of(new TextMatch("regex '" + pattern.pattern() + "' matched '" + m.group() + "'", values));
    }

    @Override
    public boolean offers(String name) {
        if (name.chars().allMatch(Character::isDigit)) {
            return name.length() < 6 && Integer.parseInt(name) <= groupCount;
        }
        return name.equals("match") || groupNames.contains(name);
    }

    @Override
    public List<String> offered() {
        List<String> all = new ArrayList<>(List.of("{match}"));
        for (int i = 0; i <= groupCount; i++) {
            all.add("{" + i + "}");
        }
        groupNames.forEach(n -> all.add("{" + n + "}"));
        return all;
    }
}
