package io.imbot.api;

import java.util.Objects;

/**
 * One rule that would fire for a message, as reported by {@link ReplyBot#explain(ChatMessage)}.
 *
 * @param rule the rule's name
 * @param why why it matches (for example {@code keyword 'hello' found})
 * @param reply the reply it would send, or empty when it would stay silent (cooldown, quiet hours)
 * @param stops whether later rules and lower-priority bots would be skipped after this one
 */
public record RuleMatch(String rule, String why, String reply, boolean stops) {

    /** Validates the components. */
    public RuleMatch {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(reply, "reply");
    }
}
