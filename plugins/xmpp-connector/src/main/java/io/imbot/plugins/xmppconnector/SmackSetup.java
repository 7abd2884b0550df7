package io.imbot.plugins.xmppconnector;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.stax.StaxXmlPullParserFactory;

/**
 * Prepares Smack once per class loader, before its first class that reads configuration loads.
 *
 * <p>Smack finds its XML parser with {@link java.util.ServiceLoader} through the thread's context
 * class loader, which in the daemon is the application's and does not see the plugin jar: the
 * parser is therefore set here by hand. Smack's other resources ({@code smack-config.xml}, the
 * {@code *.providers} files) are read through its own class loader, the plugin's, and need nothing.
 *
 * <p>Smack logs through {@code java.util.logging}, with stack traces for every broken connection;
 * the connector says why in one line, so Smack's loggers are held at SEVERE unless the JVM's
 * logging configuration names a level for {@code org.jivesoftware} itself.
 */
final class SmackSetup {

    /** Held so the level set on it is not lost when the logger is collected. */
    private static final Logger SMACK_LOGS = Logger.getLogger("org.jivesoftware");

    static {
        SmackXmlParser.setXmlPullParserFactory(new StaxXmlPullParserFactory());
        if (SMACK_LOGS.getLevel() == null) {
            SMACK_LOGS.setLevel(Level.SEVERE);
        }
    }

    private SmackSetup() {}

    /** Runs the one-time setup if it has not run (a class initialiser is thread-safe and runs once). */
    static void ensure() {
        // the static initialiser did the work
    }
}
