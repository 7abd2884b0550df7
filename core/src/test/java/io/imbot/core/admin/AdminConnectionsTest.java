package io.imbot.core.admin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import io.imbot.core.testing.AdminFixture;
import io.imbot.core.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What connections to the admin API can hold: a cap on their number, a clock on each request. */
@ExtendWith(VertxExtension.class)
class AdminConnectionsTest {

    @TempDir
    Path home;

    /** Completes when the server closes {@code socket}. */
    private static Future<Void> closed(NetSocket socket) {
        Promise<Void> p = Promise.promise();
        socket.closeHandler(v -> p.tryComplete());
        return p.future();
    }

    private static long openDescriptors() {
        return ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getOpenFileDescriptorCount();
    }

    @Test
    void connect_overTheCap_extraConnectionsClosedAndDescriptorsBounded(Vertx vertx) throws Exception {
        int cap = 4;
        int extra = 60;
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null, "imbot.admin.maxConnections", String.valueOf(cap),
                "imbot.admin.requestTimeout", "60s")) {
            // One whole request first, so the classes (and jar files) a connection needs are loaded
            // before counting: a jar opened meanwhile stays open and would count against the cap.
            assertThat(await(admin.sendAsync("GET /api/status HTTP/1.1\r\n" + headers(admin) + "\r\n")).status()).isEqualTo(200);
            long before = openDescriptors();
            List<NetSocket> sockets = new ArrayList<>();
            List<NetSocket> closedOnes = new CopyOnWriteArrayList<>();
            for (int i = 0; i < cap + extra; i++) {
                // The close handler is set in the connect callback, before any close can arrive.
                sockets.add(await(admin.connect().onSuccess(s -> closed(s).onComplete(v -> closedOnes.add(s)))));
            }

            await(Await.until(vertx, 10, () -> closedOnes.size() >= extra));

            assertThat(closedOnes).as("only the connections over the cap are closed").hasSize(extra);
            // This JVM holds both ends: the cap's four on each side, plus slack for whatever else
            // it opened meanwhile; without the cap it would be 2 * 64. Descriptors are released on
            // the event loops after the close handlers ran (run 11 of 30 under load counted 57 at
            // once), so wait for the count to settle; it never would above the bound without the cap.
            await(Await.until(vertx, 10, () -> openDescriptors() - before < 2L * cap + 20));
            assertThat(openDescriptors() - before).isLessThan(2L * cap + 20);
            NetSocket survivor = sockets.stream().filter(s -> !closedOnes.contains(s)).findFirst().orElseThrow();
            assertThat(admin.exchange(survivor, "GET /api/status HTTP/1.1\r\n" + admin.headers() + "\r\n").status()).isEqualTo(200);
            await(Await.untilAsync(vertx, 10, () -> admin.sendAsync("GET /api/status HTTP/1.1\r\n" + headers(admin) + "\r\n")
                    .map(a -> a.status() == 200).otherwise(false)));
        }
    }

    @Test
    void connect_halfSentHeadOrBody_closedAfterRequestTimeout(Vertx vertx) throws Exception {
        try (AdminFixture admin = AdminFixture.start(vertx, home, null, null, "imbot.admin.requestTimeout", "300ms")) {
            Promise<Void> silentClosed = Promise.promise();
            Promise<Void> headClosed = Promise.promise();
            Promise<Void> bodyClosed = Promise.promise();
            await(admin.connect().onSuccess(s -> closed(s).onComplete(silentClosed)));
            NetSocket head = await(admin.connect().onSuccess(s -> closed(s).onComplete(headClosed)));
            NetSocket body = await(admin.connect().onSuccess(s -> closed(s).onComplete(bodyClosed)));
            head.write("GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:" + admin.port + "\r\n");
            body.write("POST /api/rules/test HTTP/1.1\r\n" + admin.headers() + "Content-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"user\":");

            await(Future.all(silentClosed.future(), headClosed.future(), bodyClosed.future()), 10);

            AdminFixture.Answer whole = admin.get("/api/status");
            assertThat(whole.status()).as("a whole request in time is answered").isEqualTo(200);
            assertThat(whole.raw()).containsIgnoringCase("connection: close");
        }
    }

    private static String headers(AdminFixture admin) {
        try {
            return admin.headers();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
