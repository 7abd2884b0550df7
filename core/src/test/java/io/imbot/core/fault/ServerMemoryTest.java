package io.imbot.core.fault;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.core.cli.Main;
import io.imbot.core.testing.Await;
import io.imbot.core.testing.ChildJvm;
import io.imbot.core.testing.RawClient;
import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, finding 2 and 3: what used to exhaust the heap of the reference server, thrown at
 * {@code imbot server} in a JVM of its own with a 128 MiB heap that exits on OutOfMemoryError, as
 * the launcher runs it. Each test checks the server is alive afterwards and still lets a user log
 * in. Before the fix each of them killed it: the decoder reserved every declared frame length at
 * once, and queues were bounded in messages only.
 */
@ExtendWith(VertxExtension.class)
class ServerMemoryTest {

    private static final int MIB = 1 << 20;
    private static final int MB = 1_000_000;

    @TempDir
    Path home;

    private final List<ChildJvm> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(ChildJvm::close);
    }

    private record Server(ChildJvm jvm, int port) {}

    /** {@code imbot server} with a small heap, open login (users named freely, no tokens) and the default limits. */
    private Server startServer(Vertx vertx) throws Exception {
        ChildJvm jvm = ChildJvm.start("small-server", List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
                "-Dimbot.home=" + home, "-Dimbot.server.login.open=true"), Main.class, "server", "--port", "0");
        children.add(jvm);
        int port = Integer.parseInt(jvm.awaitMatch(vertx, "reference server listening on [^:]+:(\\d+)", 60).group(1));
        return new Server(jvm, port);
    }

    private static void assertSurvived(Vertx vertx, Server server) {
        assertThat(server.jvm().alive()).as("server died; its output: %s", server.jvm().tail()).isTrue();
        RawClient.Answered check = await(RawClient.tryLogin(vertx, server.port(), "checker", ""));
        assertThat(check.answer()).isEqualTo(new Frame.LoginOk("checker"));
        check.client().close();
        assertThat(server.jvm().find("OutOfMemoryError")).as("output: %s", server.jvm().tail()).isNull();
    }

    /** A 4-byte length prefix announcing {@code length} bytes, and the first {@code sent} of them. */
    private static Buffer partialFrame(int length, int sent) {
        return Buffer.buffer().appendInt(length).appendBytes("x".repeat(sent).getBytes());
    }

    @Test
    void server_600ConnectionsEachDeclaring1MiBBeforeLogin_allClosedAndServerStillAnswersALogin(Vertx vertx) throws Exception {
        Server server = startServer(vertx);
        NetClient net = vertx.createNetClient(); // one client for all sockets, held until the end
        AtomicInteger closed = new AtomicInteger();
        List<Future<NetSocket>> opened = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            opened.add(net.connect(server.port(), "127.0.0.1").onSuccess(socket -> {
                socket.closeHandler(v -> closed.incrementAndGet());
                socket.write(partialFrame(MIB, 1000));
            }));
        }
        await(Future.join(opened).recover(e -> Future.succeededFuture()), 60);
        long connected = opened.stream().filter(Future::succeeded).count();

        await(Await.until(vertx, 60, () -> closed.get() >= connected || !server.jvm().alive()), 70);

        assertSurvived(vertx, server);
        assertThat(connected).as("connections the server accepted, then closed").isGreaterThan(300);
        assertThat(closed.get()).isEqualTo(connected);
        await(net.close());
    }

    @Test
    void server_200LoggedInConnectionsEachDeclaring1MiB_allKeptOpenAndServerStillAnswersALogin(Vertx vertx) throws Exception {
        Server server = startServer(vertx);
        List<RawClient> clients = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        for (int i = 0; i < 200 && server.jvm().alive(); i++) {
            RawClient.Answered a = await(RawClient.tryLogin(vertx, server.port(), "user-" + i, "")
                    .recover(e -> Future.succeededFuture(null)));
            if (a == null) {
                break; // the server is gone: assertSurvived says so with its output
            }
            assertThat(a.answer()).isEqualTo(new Frame.LoginOk("user-" + i));
            clients.add(a.client());
            // the pong shows the server read this far; the partial frame behind it comes in the same write
            a.client().next(f -> f instanceof Frame.Pong).onSuccess(f -> answered.incrementAndGet());
            a.client().sendRaw(FrameCodec.encode(new Frame.Ping()).appendBuffer(partialFrame(MIB, 1000)));
        }

        await(Await.until(vertx, 60, () -> answered.get() == 200 || !server.jvm().alive()), 70);

        assertSurvived(vertx, server);
        assertThat(clients).as("partial frames are allowed until the idle timeout").noneMatch(c -> c.closed().isComplete());
        clients.forEach(RawClient::close);
    }

    @Test
    void server_300MessagesOf1MBToAMadeUpOfflineUser_refusedBusyOnceQueuesAreFullAndServerSurvives(Vertx vertx) throws Exception {
        Server server = startServer(vertx);
        RawClient mallory = await(RawClient.login(vertx, server.port(), "mallory"));
        String body = "x".repeat(MB);
        int acked = 0;
        int busy = 0;
        for (int i = 0; i < 300 && server.jvm().alive(); i++) {
            String id = "big-" + i;
            Future<Frame> answer = mallory.next(f -> f instanceof Frame.Ack a && a.id().equals(id)
                    || f instanceof Frame.Error e && e.ref().equals(id));
            mallory.send(new Frame.Msg(id, "", "ghost", body, 0L));
            Frame a = await(Future.any(answer, mallory.closed()).map(v -> answer.result()), 30);
            if (a instanceof Frame.Ack) {
                acked++;
            } else if (a instanceof Frame.Error e && e.code().equals("busy")) {
                busy++;
            } else {
                break; // closed, or another error: the assertions below say what happened
            }
        }

        assertSurvived(vertx, server);
        assertThat(acked + busy).as("every message answered").isEqualTo(300);
        assertThat(busy).as("refused once the queues held a quarter of the heap").isPositive();
        assertThat(acked).as("what 32 MiB of queue holds at 2 MB a message").isBetween(5, 20);
        System.out.printf("MEMORY-REPORT queue: 300 messages of 1 MB to an offline user, -Xmx128m: %d queued, %d refused busy%n",
                acked, busy);
        mallory.close();
    }
}
