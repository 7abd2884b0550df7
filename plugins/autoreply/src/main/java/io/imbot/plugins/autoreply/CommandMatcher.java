package io.imbot.plugins.autoreply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches {@code /name} alone or followed by blanks and arguments. {@code {args}} is everything
 * after the name, {@code {1}}, {@code {2}}... the blank-separated words of it (empty when missing).
 */
record CommandMatcher(String name, boolean caseSensitive) implements TextMatcher {

    @Override
    public String type() {
        return "command";
    }

    @Override
    public Optional<TextMatch> match(String text) {
        String slashName = "/" + name;
        if (!text.regionMatches(!caseSensitive, 0, slashName, 0, slashName.length())) {
            return Optional.empty();
        }
        String rest = text.substring(slashName.length());
        if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
            return Optional.empty();
        }
        String args = rest.strip();
        Map<String, String> values = new HashMap<>();
        values.put("match", text.substring(0, slashName.length()));
        values.put("args", args);
        String[] words = args.isEmpty() ? new String[0] : args.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            values.put(Integer.toString(i + 1), words[i]);
        }
        String why = "command " + slashName + (args.isEmpty() ? "" : " with args '" + args + "'");
        return Optional.of(new TextMatch(why, values));
    }

    @Override
    public boolean offers(String placeholder) {
        return placeholder.equals("match") || placeholder.equals("args")
                || placeholder.matches("[1-9][0-9]{0,3}");
    }

    @Override
    public List<String> offered() {
        return List.of("{match}", "{args}", "{1}", "{2}", "...");
    }
}
