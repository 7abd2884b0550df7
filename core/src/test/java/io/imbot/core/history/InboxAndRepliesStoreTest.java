package io.imbot.core.history;

import static io.imbot.core.testing.Futures.await;
import static io.imbot.core.testing.TestStores.onContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DeliveryStatus;
import io.imbot.core.testing.TestStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store's side of exactly-once answers: the inbox of unhandled messages and replies stored twice. */
@ExtendWith(VertxExtension.class)
class InboxAndRepliesStoreTest {


    @Test
    void loadUnhandled_newInboundUntilMarkedHandled_inArrivalOrder(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        await(onContext(vertx, () -> Future.all(
                store.saveInbound(MessageRecord.inbound("m-1", "alice", "bot", "one", 1L)),
                store.saveInbound(MessageRecord.inbound("m-1", "bob", "#room", "same id, other sender", 2L)),
                store.saveInbound(MessageRecord.inbound("m-2", "alice", "bot", "two", 3L)))));
        await(onContext(vertx, () -> store.saveInbound(MessageRecord.inbound("m-1", "alice", "bot", "one", 1L)))); // a redelivery

        assertThat(await(store.loadUnhandled())).extracting(MessageRecord::body).containsExactly("one", "same id, other sender", "two");

        await(onContext(vertx, () -> store.markHandled("alice", "m-1")));

        assertThat(await(store.loadUnhandled())).extracting(MessageRecord::body).containsExactly("same id, other sender", "two");
    }

    @Test
    void saveOutboundOnce_idStoredAndEndedBefore_returnsThatMessageAndStoresNothingNew(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        await(onContext(vertx, () -> store.saveOutbound(MessageRecord.outbound("r-1", "bot", "alice", "first answer", 1L))));
        await(onContext(vertx, () -> store.recordStatus("r-1", DeliveryStatus.TIMED_OUT, 3, "no ACK")));

        MessageRecord again = await(onContext(vertx, () -> store.saveOutboundOnce(MessageRecord.outbound("r-1", "bot", "alice", "second", 2L))));

        assertThat(again.status()).isEqualTo(DeliveryStatus.TIMED_OUT);
        assertThat(again.body()).isEqualTo("first answer");
        assertThat(again.attempts()).isEqualTo(3);
        assertThat(await(store.latest("alice", 10))).extracting(MessageRecord::body).containsExactly("first answer");
        assertThat(await(store.loadPending())).isEmpty();
    }

    @Test
    void saveOutbound_plainInsertMeetsAStoredIdInABatch_batchWrittenAgainAndTheOthersStored(Vertx vertx) {
        JdbcMessageStore store = await(TestStores.inMemory(vertx, "bot"));
        await(onContext(vertx, () -> store.saveOutbound(MessageRecord.outbound("r-2", "bot", "alice", "stored", 1L))));

        List<MessageRecord> results = await(onContext(vertx, () -> Future.all(
                        store.saveOutbound(MessageRecord.outbound("fresh-1", "bot", "alice", "new one", 2L)),
                        store.saveOutbound(MessageRecord.outbound("r-2", "bot", "alice", "clash", 3L)),
                        store.saveOutbound(MessageRecord.outbound("fresh-2", "bot", "alice", "new two", 4L)))
                .map(all -> all.<MessageRecord>list())));

        assertThat(results).extracting(MessageRecord::body).containsExactly("new one", "stored", "new two");
        assertThat(results).extracting(MessageRecord::status)
                .containsExactly(DeliveryStatus.PENDING, DeliveryStatus.PENDING, DeliveryStatus.PENDING);
        assertThat(await(store.loadPending())).extracting(MessageRecord::id).containsExactly("r-2", "fresh-1", "fresh-2");
    }
}
