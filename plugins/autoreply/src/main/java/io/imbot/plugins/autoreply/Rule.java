package io.imbot.plugins.autoreply;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule of the rules file, checked and ready to use.
 *
 * @param name unique within the file; names the rule in logs, {@code explain} and cooldowns
 * @param line the line of the file where the rule starts
 * @param matcher what text the rule answers
 * @param scope which messages the rule looks at
 * @param replies the reply variants, at least one; one is picked at random per answer
 * @param priority higher goes first; equal priorities keep file order
 * @param stop whether a match ends the evaluation and marks the message handled
 * @param cooldown how long the rule stays silent in a conversation after answering there; zero
 *     for never
 * @param quietHours when the rule stays silent, if ever
 * @param description what the rule is for (listed by {@code /help} for commands), may be empty
 * @param usage how to call a command rule, for example {@code /roll <dice>}; empty for others
 */
record Rule(
        String name,
        int line,
        TextMatcher matcher,
        Scope scope,
        List<Template> replies,
        int priority,
        boolean stop,
        Duration cooldown,
        Optional<QuietHours> quietHours,
        String description,
        String usage) {

    Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(usage, "usage");
        replies = List.copyOf(replies);
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("replies must not be empty");
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative, was " + cooldown);
        }
    }
}
