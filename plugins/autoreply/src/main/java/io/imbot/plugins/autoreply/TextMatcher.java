package io.imbot.plugins.autoreply;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a message text matches a rule. One implementation per match type of the rules
 * file: {@code exact}, {@code keyword}, {@code prefix}, {@code regex}, {@code command}. The text
 * given is already stripped of surrounding blanks and of a leading mention of the bot.
 */
sealed interface TextMatcher
        permits ExactMatcher, KeywordMatcher, PrefixMatcher, RegexMatcher, CommandMatcher {

    /** The match type, as the rules file names it. */
    String type();

    /** Tries {@code text}; empty when it does not match. */
    Optional<TextMatch> match(String text);

    /** Whether a match fills the placeholder {@code name} (beyond the built-in ones). */
    boolean offers(String name);

    /** The placeholders {@link #offers} accepts, for error messages, for example {@code {args}}. */
    List<String> offered();
}
