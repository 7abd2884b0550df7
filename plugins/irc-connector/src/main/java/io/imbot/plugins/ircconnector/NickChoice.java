package io.imbot.plugins.ircconnector;

import java.util.function.IntSupplier;

/**
 * The nick asked for at registration: the configured one, then while the server says it is taken,
 * {@link IrcNames#alternative alternatives}. When the server refuses an alternative as erroneous
 * although it only said the configured nick was taken, the alternative was too long; the next
 * ones are cut to the configured nick's length.
 */
final class NickChoice {

    /** Alternatives tried before giving up. */
    static final int MAX_ALTERNATIVES = 8;

    private final String configured;
    private final IntSupplier digits;
    private String current;
    private int attempts;
    private int maxLength = Integer.MAX_VALUE;

    /** @param digits two random digits for the later alternatives */
    NickChoice(String configured, IntSupplier digits) {
        this.configured = configured;
        this.digits = digits;
        this.current = configured;
    }

    /** The nick asked for last. */
    String current() {
        return current;
    }

    /** Whether the configured nick is the one asked for last. */
    boolean asConfigured() {
        return attempts == 0;
    }

    /** The next nick to ask for after the current one was taken, or {@code null} when none is left. */
    String taken() {
        if (attempts >= MAX_ALTERNATIVES) {
            return null;
        }
        attempts++;
        current = IrcNames.alternative(configured, attempts, maxLength, digits.getAsInt());
        return current;
    }

    /**
     * The next nick to ask for after the current one was refused as erroneous, or {@code null}
     * when that was the configured nick itself, which no alternative can mend.
     */
    String refused() {
        if (attempts == 0) {
            return null;
        }
        maxLength = Math.min(maxLength, configured.length());
        attempts--;
        return taken();
    }
}
