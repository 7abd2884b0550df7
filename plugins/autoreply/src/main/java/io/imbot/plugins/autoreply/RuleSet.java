package io.imbot.plugins.autoreply;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything one rules file says.
 *
 * @param botPriority the bot's {@link io.imbot.api.ReplyBot#priority()} among all bots
 * @param zone the zone of the {@code {time}}, {@code {date}} and {@code {weekday}} placeholders
 * @param rules the enabled rules in the order they are tried: highest priority first, then file
 *     order
 */
record RuleSet(int botPriority, ZoneId zone, List<Rule> rules) {

    /** The bot's priority when the file does not set one. */
    static final int DEFAULT_PRIORITY = 100;

    RuleSet {
        Objects.requireNonNull(zone, "zone");
        List<Rule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(Rule::priority).reversed());
        rules = List.copyOf(ordered);
    }

    /** No rules at all, as before the first file is read. */
    static RuleSet empty(ZoneId zone) {
        return new RuleSet(DEFAULT_PRIORITY, zone, List.of());
    }
}
