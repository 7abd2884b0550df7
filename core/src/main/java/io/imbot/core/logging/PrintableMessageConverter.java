package io.imbot.core.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %msg}, made {@link Printable}: a user name, message ID or error text from a
 * client that carries control characters cannot forge a log line or drive the terminal of whoever
 * tails the log. Registered in the distribution's {@code logback.xml} as the {@code msg} word.
 * Stack traces ({@code %ex}) are printed as they are.
 */
public final class PrintableMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Printable.of(super.convert(event));
    }
}
