package io.imbot.plugins.xmppconnector;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.connector.ConnectionSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.junit.jupiter.api.Test;

/** The reasons the connector gives for a failure: what happened, on one line. */
class ProblemsTest {

    private static final XmppSettings SETTINGS = XmppSettings.from(new ConnectionSettings("chat", "xmpp", "xmpp://127.0.0.1:5222",
            "bot@localhost", "pw", List.of(), Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of()), Path::of);

    @Test
    void explain_xmlCutShortByAServerStop_saysSoOnOneLine() {
        XMLStreamException parse = new XMLStreamException(
                "ParseError at [row,col]:[1,5404]\nMessage: XML document structures must start and end within the same entity.");

        String reason = Problems.explain(new IOException(new XmlPullParserException(parse)), SETTINGS);

        assertThat(reason).startsWith("the stream broke off in the middle of a stanza (")
                .contains("[1,5404]; Message: XML document structures")
                .doesNotContain("\n");
    }

    @Test
    void explain_brokenConnection_namesItOnOneLine() {
        String reason = Problems.explain(new IOException("Connection reset\nby peer"), SETTINGS);

        assertThat(reason).isEqualTo("the connection broke (Connection reset; by peer)");
    }
}
