package io.imbot.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ReplyIdsTest {

    @Test
    void derive_sameInputs_sameId() {
        assertThat(ReplyIds.derive("alice", "m-1", "echo/EchoBot", 0)).isEqualTo(ReplyIds.derive("alice", "m-1", "echo/EchoBot", 0));
    }

    @Test
    void derive_anyPartDiffers_idDiffers() {
        Set<String> ids = new HashSet<>();
        ids.add(ReplyIds.derive("alice", "m-1", "echo/EchoBot", 0));
        ids.add(ReplyIds.derive("bob", "m-1", "echo/EchoBot", 0));
        ids.add(ReplyIds.derive("alice", "m-2", "echo/EchoBot", 0));
        ids.add(ReplyIds.derive("alice", "m-1", "echo/OtherBot", 0));
        ids.add(ReplyIds.derive("alice", "m-1", "echo/EchoBot", 1));
        ids.add(ReplyIds.derive("alic", "em-1", "echo/EchoBot", 0)); // the same characters, split elsewhere

        assertThat(ids).hasSize(6);
    }

    @Property(tries = 300)
    void derive_anyInput_fitsTheProtocolsIdRules(@ForAll String from, @ForAll String id, @ForAll String bot, @ForAll int index) {
        String reply = ReplyIds.derive(from, id, bot, index);

        assertThat(reply).hasSize(27).startsWith("r").matches("[0-9a-v]+");
    }
}
