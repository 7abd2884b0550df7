package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private final Mailbox box = new Mailbox();

    private void add(String... ids) {
        for (String id : ids) {
            Frame.Msg msg = new Frame.Msg(id, "alice", "bob", "hi", 0);
            box.add(msg, Mailbox.cost(msg));
        }
    }

    private List<String> drain() {
        List<String> ids = new ArrayList<>();
        for (Mailbox.Entry e = box.nextToSend(); e != null; e = box.nextToSend()) {
            ids.add(e.msg.id());
        }
        return ids;
    }

    @Test
    void requeue_afterPartialOutOfOrderAcks_resendsTheRestInOriginalOrder() {
        add("1", "2", "3", "4");
        assertThat(drain()).containsExactly("1", "2", "3", "4");
        assertThat(box.ack("3")).isPositive();
        assertThat(box.ack("1")).isPositive();
        assertThat(box.inFlight()).isEqualTo(2);
        add("5");
        box.requeue();
        assertThat(box.inFlight()).isZero();
        assertThat(drain()).containsExactly("2", "4", "5");
        assertThat(box.size()).isEqualTo(3);
    }

    @Test
    void ack_ofRequeuedMessageBeforeResend_skipsIt() {
        add("1", "2");
        drain();
        box.requeue();
        assertThat(box.ack("1")).isPositive(); // a late ACK for the previous connection's delivery
        assertThat(drain()).containsExactly("2");
        assertThat(box.inFlight()).isEqualTo(1);
    }

    @Test
    void ack_unknownId_returnsMinusOne() {
        add("1");
        assertThat(box.ack("nope")).isEqualTo(-1);
        assertThat(box.size()).isEqualTo(1);
    }

    @Test
    void bytes_addThenAck_countsTwoBytesPerCharacterPlusOverheadAndGivesThemBack() {
        Frame.Msg msg = new Frame.Msg("m-1", "alice", "bob", "héllo 😀", 0);
        long expected = 2L * ("m-1".length() + "alice".length() + "bob".length() + "héllo 😀".length())
                + ServerOptions.MESSAGE_OVERHEAD_BYTES;
        box.add(msg, Mailbox.cost(msg));
        assertThat(box.bytes()).isEqualTo(expected);
        assertThat(box.ack("m-1")).isEqualTo(expected);
        assertThat(box.bytes()).isZero();
    }

    @Test
    void nextToSend_afterRequeue_countsTimesSentAcrossConnections() {
        add("1");
        assertThat(box.nextToSend().timesSent).isEqualTo(1);
        box.requeue();
        assertThat(box.nextToSend().timesSent).isEqualTo(2);
    }
}
