package io.imbot.plugins.commands;

import io.imbot.api.MessageEvent;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command as a user typed it: {@code /name arg1 arg2}.
 *
 * @param name the command name, lower case, without the slash
 * @param args the blank-separated words after the name
 */
record Invocation(String name, List<String> args) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

    Invocation {
        Objects.requireNonNull(name, "name");
        args = List.copyOf(args);
    }

    /**
     * The command in {@code event}, or empty when the message holds none meant for this bot. A
     * room message must start with an address to the bot ({@code @bot}, {@code bot:}, or the
     * bot's room nickname; see {@link MessageEvent#textAfterAddress}), then {@code /}; a direct
     * message may leave out the address. The name is matched ignoring case.
     */
    static Optional<Invocation> parse(MessageEvent event) {
        Optional<String> addressed = event.textAfterAddress();
        if (event.message().inRoom() && addressed.isEmpty()) {
            return Optional.empty();
        }
        String text = addressed.orElseGet(() -> event.text().strip());
        if (!text.startsWith("/")) {
            return Optional.empty();
        }
        String[] words = text.substring(1).split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            return Optional.empty(); // "/", "/ help", "/usr/bin"
        }
        return Optional.of(new Invocation(name, List.of(words).subList(1, words.length)));
    }
}
