package io.imbot.plugins.autoreply;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the text of a rules file into a {@link RuleSet}: the top-level keys here, each rule in
 * {@link RuleParser}. Stops at the first problem with a {@link RuleFileException} naming its line.
 */
final class RuleFileParser {

    /** The version of the file format this parser reads. */
    static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of("version", "priority", "zone", "quietHours", "rules");
    private static final Set<String> QUIET_KEYS = Set.of("from", "to", "zone");
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("H:mm");

    private final ZoneId defaultZone;

    /** @param defaultZone the zone when the file names none (the daemon's) */
    RuleFileParser(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    RuleSet parse(String text) throws RuleFileException {
        Optional<YNode> root = YamlTree.parse(text);
        if (root.isEmpty()) {
            return RuleSet.empty(defaultZone);
        }
        Fields top = new Fields(root.get(), "the rules file", KEYS);
        int version = top.integer("version", VERSION);
        if (version != VERSION) {
            throw RuleFileException.at(top.value("version").orElseThrow(),
                    "version " + version + " is not supported; this imbot reads version " + VERSION);
        }
        int priority = top.integer("priority", RuleSet.DEFAULT_PRIORITY);
        ZoneId zone = top.has("zone") ? zone(top, "zone") : defaultZone;
        Optional<QuietHours> quiet = top.has("quietHours")
                ? Optional.of(quietHours(top.value("quietHours").orElseThrow(), "the top-level quietHours", zone))
                : Optional.empty();
        return new RuleSet(priority, zone, rules(top, new RuleParser.Defaults(zone, quiet)));
    }

    private List<Rule> rules(Fields top, RuleParser.Defaults defaults) throws RuleFileException {
        Optional<YNode> value = top.value("rules");
        if (value.isEmpty() || (value.get() instanceof YNode.Scalar s && s.type() == YNode.Scalar.Type.NULL)) {
            return List.of();
        }
        if (!(value.get() instanceof YNode.Seq seq)) {
            throw RuleFileException.at(value.get(), "'rules' must be a list of rules (lines starting with '- '), not " + value.get().kind());
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            YNode item = seq.items().get(i);
            RuleParser.Parsed parsed = RuleParser.parse(item, i, defaults);
            Integer first = names.putIfAbsent(parsed.rule().name(), item.line());
            if (first != null) {
                throw RuleFileException.at(item, "two rules are named '" + parsed.rule().name()
                        + "' (the first at line " + first + "); give each rule a distinct 'name'");
            }
            if (parsed.enabled()) {
                rules.add(parsed.rule());
            }
        }
        return rules;
    }

    /** Reads a {@code quietHours} mapping: {@code from}, {@code to}, optional {@code zone}. */
    static QuietHours quietHours(YNode node, String where, ZoneId fileZone) throws RuleFileException {
        Fields fields = new Fields(node, where, QUIET_KEYS);
        LocalTime from = time(fields, "from");
        LocalTime to = time(fields, "to");
        ZoneId zone = fields.has("zone") ? zone(fields, "zone") : fileZone;
        if (from.equals(to)) {
            throw RuleFileException.at(node, "'from' and 'to' in " + where + " are both " + from + "; they must differ");
        }
        return new QuietHours(from, to, zone);
    }

    private static LocalTime time(Fields fields, String key) throws RuleFileException {
        String text = fields.text(key).orElseThrow(
                () -> RuleFileException.at(fields.node(), fields.where() + " needs '" + key + "', a time like 22:00"));
        try {
            return LocalTime.parse(text, HOUR_MINUTE);
        } catch (DateTimeParseException e) {
            throw RuleFileException.at(fields.value(key).orElseThrow(),
                    "'" + key + "' in " + fields.where() + " must be a time like 22:00 or 7:30, not '" + text + "'");
        }
    }

    private static ZoneId zone(Fields fields, String key) throws RuleFileException {
        String text = fields.text(key).orElseThrow();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw RuleFileException.at(fields.value(key).orElseThrow(),
                    "unknown time zone '" + text + "' in " + fields.where() + " (use a region like Europe/Berlin, or UTC)");
        }
    }
}
