package io.imbot.plugins.autoreply;

import io.imbot.api.ChatMessage;
import io.imbot.api.RuleMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * Tries a {@link RuleSet} on a message: which rules match, in order, up to and including the
 * first stopping one, and what each would answer. Reads cooldowns but never changes them, so
 * answering and explaining share this code.
 */
final class RuleEngine {

    /**
     * One matching rule.
     *
     * @param rule the rule
     * @param match what its matcher found
     * @param reply the rendered reply, or empty when the rule stays silent
     * @param silence why it stays silent, or empty when it answers
     */
    record Outcome(Rule rule, TextMatch match, String reply, String silence) {

        Outcome {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(silence, "silence");
        }

        boolean answers() {
            return silence.isEmpty();
        }

        /** As {@code imbot rules test} shows it. */
        RuleMatch toRuleMatch() {
            StringBuilder why = new StringBuilder(match.why());
            int variants = rule.replies().size();
            if (variants > 1 && answers()) {
                why.append("; reply 1 of ").append(variants).append(" variants, picked at random");
            }
            if (!answers()) {
                why.append("; silent: ").append(silence);
            }
            return new RuleMatch(rule.name(), why.toString(), reply, rule.stop());
        }
    }

    private final CooldownTracker cooldowns;
    private final Consumer<String> report;
    /** Rules whose regex ran out of time: skipped until the file is loaded again (a new rule set). */
    private final Set<Rule> tooSlow = ConcurrentHashMap.newKeySet();
    private volatile RuleSet tooSlowIn;

    /** @param report told, in a sentence for the operator, of each rule disabled for being too slow */
    RuleEngine(CooldownTracker cooldowns, Consumer<String> report) {
        this.cooldowns = cooldowns;
        this.report = report;
    }

    /**
     * Evaluates {@code rules} for {@code message}.
     *
     * @param mentionsBot whether the message mentions the bot (always for a direct message)
     * @param botNames the names the bot goes by, its user first (the {bot} placeholder); the rules
     *     do not see a leading address to one of them
     * @param now the current time, for quiet hours, cooldowns and time placeholders
     * @param pick given the number of reply variants, returns the index of the one to use
     */
    List<Outcome> evaluate(RuleSet rules, ChatMessage message, boolean mentionsBot, List<String> botNames, Instant now,
            IntUnaryOperator pick) {
        String text = Mentions.stripLeading(message, botNames);
        if (tooSlowIn != rules) {
            tooSlow.clear(); // the file changed: every rule gets a new chance
            tooSlowIn = rules;
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (tooSlow.contains(rule) || !rule.scope().admits(message, mentionsBot)) {
                continue;
            }
            Optional<TextMatch> match = matchInTime(rule, text);
            if (match.isEmpty()) {
                continue;
            }
            outcomes.add(outcome(rule, match.get(), rules, message, text, botNames.get(0), now, pick));
            if (rule.stop()) {
                break;
            }
        }
        return outcomes;
    }

    private Optional<TextMatch> matchInTime(Rule rule, String text) {
        try {
            return rule.matcher().match(text);
        } catch (DeadlineText.TooSlow e) {
            if (tooSlow.add(rule)) {
                report.accept("rule '" + rule.name() + "' (line " + rule.line() + ") is disabled until the rules file changes: its "
                        + rule.matcher().type() + " match " + e.getMessage() + " (limit " + RegexMatcher.BUDGET_NANOS / 1_000_000
                        + " ms); a pattern like (.*a){12} backtracks without end");
            }
            return Optional.empty();
        }
    }

    private Outcome outcome(Rule rule, TextMatch match, RuleSet rules, ChatMessage message, String text,
            String botUser, Instant now, IntUnaryOperator pick) {
        Optional<QuietHours> quiet = rule.quietHours().filter(q -> q.covers(now));
        if (quiet.isPresent()) {
            return new Outcome(rule, match, "", "quiet hours " + quiet.get());
        }
        Duration left = cooldowns.remaining(rule.name(), message.conversation(), now);
        if (!left.isZero()) {
            return new Outcome(rule, match, "", "cooldown, " + Durations.format(left) + " left in this conversation");
        }
        int variants = rule.replies().size();
        Template template = rule.replies().get(variants == 1 ? 0 : pick.applyAsInt(variants));
        String reply = template.render(Placeholders.values(message, text, botUser, now.atZone(rules.zone()), match));
        if (reply.isBlank()) {
            return new Outcome(rule, match, "", "the reply '" + template.source() + "' comes out empty");
        }
        return new Outcome(rule, match, reply, "");
    }
}
