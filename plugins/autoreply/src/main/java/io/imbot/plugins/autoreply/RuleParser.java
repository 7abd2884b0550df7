package io.imbot.plugins.autoreply;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** Reads one entry of the {@code rules} list into a {@link Rule}, checking every key strictly. */
final class RuleParser {

    /** What a rule takes from the top of the file when it does not say. */
    record Defaults(ZoneId zone, Optional<QuietHours> quietHours) {}

    /** A rule and whether it is enabled; disabled rules are checked all the same. */
    record Parsed(Rule rule, boolean enabled) {}

    static final List<String> MATCH_KEYS = List.of("exact", "keyword", "prefix", "regex", "command");

    private static final Set<String> KEYS = Set.of(
            "name", "exact", "keyword", "prefix", "regex", "command", "reply", "caseSensitive", "scope", "users",
            "ignoreUsers", "rooms", "priority", "stop", "cooldown", "quietHours", "description", "usage", "enabled");

    private final Fields fields;
    private final Defaults defaults;

    private RuleParser(Fields fields, Defaults defaults) {
        this.fields = fields;
        this.defaults = defaults;
    }

    /** Parses the rule at {@code index} (from 0) of the list. */
    static Parsed parse(YNode node, int index, Defaults defaults) throws RuleFileException {
        Fields fields = new Fields(node, describe(node, index), KEYS);
        return new RuleParser(fields, defaults).parse();
    }

    private Parsed parse() throws RuleFileException {
        String matchKey = matchKey();
        boolean caseSensitive = fields.bool("caseSensitive", false);
        TextMatcher matcher = matcher(matchKey, caseSensitive);
        Optional<String> explicitName = fields.text("name");
        if (explicitName.isPresent() && explicitName.get().isBlank()) {
            throw RuleFileException.at(fields.value("name").orElseThrow(), "'name' in " + fields.where() + " must not be blank");
        }
        String name = explicitName.isPresent() ? explicitName.get() : defaultName(matchKey);
        List<Template> replies = replies(matcher);
        Duration cooldown = cooldown();
        Optional<QuietHours> quiet = quietHours();
        String description = fields.text("description").orElse("");
        String usage = usage(matcher, replies);
        Rule rule = new Rule(name, fields.node().line(), matcher, scope(), replies, fields.integer("priority", 0),
                fields.bool("stop", true), cooldown, quiet, description, usage);
        return new Parsed(rule, fields.bool("enabled", true));
    }

    private String matchKey() throws RuleFileException {
        List<String> present = MATCH_KEYS.stream().filter(fields::has).toList();
        if (present.isEmpty()) {
            throw RuleFileException.at(fields.node(), fields.where() + " needs a match type: one of "
                    + String.join(", ", MATCH_KEYS) + " (for example 'exact: ping')");
        }
        if (present.size() > 1) {
            throw RuleFileException.at(fields.keyNode(present.get(1)), fields.where() + " has both '" + present.get(0)
                    + "' and '" + present.get(1) + "'; a rule has one match type (split it into two rules)");
        }
        return present.get(0);
    }

    private TextMatcher matcher(String key, boolean caseSensitive) throws RuleFileException {
        List<String> values = fields.texts(key).orElseThrow();
        List<YNode> nodes = fields.nodes(key);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank()) {
                throw RuleFileException.at(nodes.get(i), "'" + key + "' in " + fields.where() + " must not be blank");
            }
        }
        if ((key.equals("regex") || key.equals("command")) && values.size() > 1) {
            throw RuleFileException.at(nodes.get(1), "'" + key + "' in " + fields.where() + " takes one value, not a list");
        }
        return switch (key) {
            case "exact" -> new ExactMatcher(values, caseSensitive);
            case "keyword" -> new KeywordMatcher(values, caseSensitive);
            case "prefix" -> new PrefixMatcher(values, caseSensitive);
            case "regex" -> regex(values.get(0), nodes.get(0), caseSensitive);
            default -> command(values.get(0), nodes.get(0), caseSensitive);
        };
    }

    private RegexMatcher regex(String regex, YNode node, boolean caseSensitive) throws RuleFileException {
        RegexMatcher matcher;
        try {
            matcher = new RegexMatcher(regex, caseSensitive);
        } catch (PatternSyntaxException e) {
            throw RuleFileException.at(node, "bad regex in " + fields.where() + ": " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : "") + " of '" + regex + "'");
        }
        for (String group : matcher.groupNames()) {
            if (Placeholders.BUILT_IN.contains(group) || group.equals("match")) {
                throw RuleFileException.at(node, "group name '" + group + "' in the regex of " + fields.where()
                        + " is taken by the placeholder {" + group + "}; rename the group");
            }
        }
        return matcher;
    }

    private CommandMatcher command(String value, YNode node, boolean caseSensitive) throws RuleFileException {
        String name = value.startsWith("/") ? value.substring(1) : value;
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw RuleFileException.at(node, "'command' in " + fields.where()
                    + " must be one word of letters, digits, '-' or '_', like 'help' or '/help', not '" + value + "'");
        }
        return new CommandMatcher(name, caseSensitive);
    }

    private String defaultName(String matchKey) throws RuleFileException {
        String first = fields.texts(matchKey).orElseThrow().get(0);
        return matchKey.equals("command") ? "command:/" + first.replaceFirst("^/", "") : matchKey + ":" + first;
    }

    private List<Template> replies(TextMatcher matcher) throws RuleFileException {
        if (!fields.has("reply")) {
            throw RuleFileException.at(fields.node(), fields.where() + " has no 'reply'");
        }
        List<Template> templates = new ArrayList<>();
        for (YNode node : fields.nodes("reply")) {
            String source = ((YNode.Scalar) node).text();
            Template template;
            try {
                template = Template.parse(source);
            } catch (IllegalArgumentException e) {
                throw RuleFileException.at(node, "reply of " + fields.where() + ": " + e.getMessage());
            }
            for (String name : template.placeholders()) {
                if (!Placeholders.BUILT_IN.contains(name) && !matcher.offers(name)) {
                    throw RuleFileException.at(node, "unknown placeholder {" + name + "} in the reply of " + fields.where()
                            + "; a " + matcher.type() + " rule offers " + available(matcher));
                }
            }
            templates.add(template);
        }
        return templates;
    }

    private static String available(TextMatcher matcher) {
        List<String> all = new ArrayList<>();
        Placeholders.BUILT_IN.forEach(n -> all.add("{" + n + "}"));
        all.addAll(matcher.offered());
        return String.join(", ", all);
    }

    private Scope scope() throws RuleFileException {
        Set<Scope.Where> where = EnumSet.noneOf(Scope.Where.class);
        if (!fields.has("scope")) {
            where.addAll(Scope.EVERYWHERE.where());
        } else {
            for (YNode node : fields.nodes("scope")) {
                String word = ((YNode.Scalar) node).text();
                switch (word) {
                    case "direct" -> where.add(Scope.Where.DIRECT);
                    case "room" -> where.add(Scope.Where.ROOM);
                    case "mention" -> where.add(Scope.Where.MENTION);
                    case "any" -> where.addAll(Scope.EVERYWHERE.where());
                    default -> throw RuleFileException.at(node, "unknown scope '" + word + "' in " + fields.where()
                            + " (use direct, room, mention or any)");
                }
            }
        }
        Set<String> rooms = new LinkedHashSet<>();
        for (String room : fields.texts("rooms").orElse(List.of())) {
            rooms.add(room.startsWith("#") ? room : "#" + room);
        }
        return new Scope(where, new HashSet<>(fields.texts("users").orElse(List.of())),
                new HashSet<>(fields.texts("ignoreUsers").orElse(List.of())), rooms);
    }

    private Duration cooldown() throws RuleFileException {
        Optional<String> text = fields.text("cooldown");
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        return Durations.parse(text.get()).orElseThrow(() -> RuleFileException.at(fields.value("cooldown").orElseThrow(),
                "'cooldown' in " + fields.where() + " must be a duration like 30s, 5m, 1h or 1h30m, not '" + text.get() + "'"));
    }

    private Optional<QuietHours> quietHours() throws RuleFileException {
        Optional<YNode> value = fields.value("quietHours");
        if (value.isEmpty()) {
            return defaults.quietHours();
        }
        if (value.get() instanceof YNode.Scalar s && (s.text().equals("off") || s.text().equals("false"))) {
            return Optional.empty();
        }
        if (value.get() instanceof YNode.Scalar s) {
            throw RuleFileException.at(s, "'quietHours' in " + fields.where()
                    + " must be a mapping like {from: \"22:00\", to: \"07:00\"} or 'off', not " + s.kind());
        }
        return Optional.of(RuleFileParser.quietHours(value.get(), "quietHours of " + fields.where(), defaults.zone()));
    }

    private String usage(TextMatcher matcher, List<Template> replies) throws RuleFileException {
        Optional<String> usage = fields.text("usage");
        if (!(matcher instanceof CommandMatcher command)) {
            if (usage.isPresent()) {
                throw RuleFileException.at(fields.keyNode("usage"), "'usage' in " + fields.where() + " applies to command rules only");
            }
            return "";
        }
        boolean takesArgs = replies.stream().flatMap(t -> t.placeholders().stream())
                .anyMatch(p -> p.equals("args") || Character.isDigit(p.charAt(0)));
        return usage.orElse("/" + command.name() + (takesArgs ? " <args>" : ""));
    }

    /** How errors name a rule before it is read: by its name when it has a plain one, else by number. */
    private static String describe(YNode node, int index) {
        if (node instanceof YNode.Map map) {
            for (YNode.Entry entry : map.entries()) {
                if (entry.key().text().equals("name") && entry.value() instanceof YNode.Scalar s
                        && s.type() != YNode.Scalar.Type.NULL) {
                    return "rule '" + s.text() + "'";
                }
            }
        }
        return "rule #" + (index + 1);
    }
}
