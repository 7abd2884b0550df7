package io.imbot.plugins.ircconnector;

import static io.imbot.plugins.ircconnector.Bot.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The flood limit's token bucket and queue, against a recording socket, on a real Vert.x context. */
class LinePacerTest {

    private static final long MS = 1_000_000;

    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final BlockingQueue<Sent> lines = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> written = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> rooms = new LinkedBlockingQueue<>();
    private volatile boolean full;

    private record Sent(String text, long at) {}

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(WAIT, TimeUnit.SECONDS);
    }

    private LinePacer pacer(long intervalMs, int burst, int maxQueued) throws Exception {
        return on(() -> new LinePacer(vertx, new LinePacer.Out() {
            @Override
            public Future<Void> write(Buffer line) {
                lines.add(new Sent(line.toString(), System.nanoTime()));
                return Future.succeededFuture();
            }

            @Override
            public boolean full() {
                return full;
            }
        }, intervalMs * MS, burst, maxQueued, written::add, () -> rooms.add(System.nanoTime())));
    }

    private <T> T on(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(WAIT, TimeUnit.SECONDS);
    }

    private Sent nextLine() throws InterruptedException {
        Sent s = lines.poll(WAIT, TimeUnit.SECONDS);
        assertThat(s).as("a line in time").isNotNull();
        return s;
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }

    @Test
    void enqueue_burstAtOnce_thenOneLinePerInterval_writtenReportedAfterTheLastLine() throws Exception {
        LinePacer pacer = pacer(100, 3, 100);
        long start = System.nanoTime();
        on(() -> pacer.enqueue("m-1", numbered("line ", 8)));

        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(nextLine());
        }
        String id = written.poll(WAIT, TimeUnit.SECONDS);

        assertThat(sent).extracting(Sent::text).containsExactlyElementsOf(numbered("line ", 8).stream().map(l -> l + "\r\n").toList());
        for (int i = 3; i < 8; i++) {
            assertThat(sent.get(i).at() - start).as("line %d waits for %d intervals", i, i - 2).isGreaterThanOrEqualTo((i - 2) * 100 * MS);
        }
        assertThat(id).isEqualTo("m-1");
        assertThat(written).as("reported once").isEmpty();
    }

    @Test
    void enqueue_sameIdWhileQueued_droppedNotSentTwice() throws Exception {
        LinePacer pacer = pacer(60_000, 1, 100);

        assertThat(on(() -> pacer.enqueue("m-1", List.of("a", "b", "c")))).isTrue();
        assertThat(on(() -> pacer.enqueue("m-1", List.of("a", "b", "c")))).as("the engine's retransmission").isFalse();
        assertThat(on(pacer::queued)).isEqualTo(2);
        assertThat(nextLine().text()).isEqualTo("a\r\n");
        assertThat(lines.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void control_goesOutAtOnceAheadOfQueuedLines_andSpendsAToken() throws Exception {
        LinePacer pacer = pacer(300, 1, 100);

        on(() -> pacer.enqueue("m-1", List.of("first", "second")));
        on(() -> {
            pacer.control("PONG :x");
            return null;
        });

        assertThat(nextLine().text()).isEqualTo("first\r\n");
        Sent pong = nextLine();
        Sent second = nextLine();
        assertThat(pong.text()).isEqualTo("PONG :x\r\n");
        assertThat(second.text()).isEqualTo("second\r\n");
        assertThat(second.at() - pong.at()).as("the PONG's token is paid back before the next line").isGreaterThanOrEqualTo(500 * MS);
    }

    @Test
    void hasRoom_falseAtMaxQueued_roomSignalledOnceThereIsRoomAgain() throws Exception {
        LinePacer pacer = pacer(50, 1, 3);
        for (int i = 0; i < 6; i++) {
            String id = "m-" + i;
            on(() -> pacer.enqueue(id, List.of("text " + id)));
        }

        assertThat(on(pacer::hasRoom)).isFalse();
        assertThat(rooms.poll(WAIT, TimeUnit.SECONDS)).as("room signalled").isNotNull();
        assertThat(on(pacer::queued)).isLessThan(3);
        assertThat(on(pacer::hasRoom)).isTrue();
        for (int i = 0; i < 6; i++) {
            assertThat(written.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("m-" + i);
        }
        assertThat(rooms).as("signalled once per time it said no").isEmpty();
    }

    @Test
    void fullSocket_nothingWritten_untilPumpedAfterTheDrain() throws Exception {
        LinePacer pacer = pacer(0, 1, 100);
        full = true;

        on(() -> pacer.enqueue("m-1", List.of("a", "b")));
        assertThat(lines.poll(100, TimeUnit.MILLISECONDS)).isNull();
        assertThat(on(pacer::hasRoom)).isFalse();
        full = false;
        on(() -> {
            pacer.pump();
            pacer.signalRoom();
            return null;
        });

        assertThat(nextLine().text()).isEqualTo("a\r\n");
        assertThat(nextLine().text()).isEqualTo("b\r\n");
        assertThat(written.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("m-1");
        assertThat(rooms.poll(WAIT, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void close_dropsWhatIsQueued_andReportsNothingMore() throws Exception {
        LinePacer pacer = pacer(50, 1, 100);

        on(() -> pacer.enqueue("m-1", List.of("a", "b", "c")));
        assertThat(nextLine().text()).isEqualTo("a\r\n");
        on(() -> {
            pacer.close();
            return null;
        });

        assertThat(lines.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(written).isEmpty();
        assertThat(on(() -> pacer.enqueue("m-2", List.of("d")))).isFalse();
    }
}
