package io.imbot.core.plugin;

import static io.imbot.core.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.api.DaemonStatus;
import io.imbot.core.history.VolatileMessageStore;
import io.imbot.core.metrics.Meters;
import io.imbot.core.plugin.testbots.EchoBot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The run of consecutive failures that disables a bot: what counts, what ends it. */
@ExtendWith(VertxExtension.class)
class BotRunnerTest {

    @TempDir
    Path dir;

    private static <T> Future<T> on(Context context, Supplier<Future<T>> work) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(done));
        return done.future();
    }

    private BotRunner runner(Vertx vertx, Context host) {
        HostServices services = new HostServices(vertx, Map.of("main", "bot"), List.of(), dir, dir, new VolatileMessageStore(),
                new ReplyLimiter(20, Duration.ofSeconds(10)), Future.failedFuture("no delivery in this test"),
                () -> new DaemonStatus(Duration.ZERO, 0, 0, 0, false), List::of);
        return new BotRunner(vertx, host, new HostedBotContext(services, "p", Map.of()), new EchoBot(), Duration.ofSeconds(5), Meters.NONE);
    }

    @Test
    void describeBetweenFailedMessages_doesNotEndTheRun_aHandledMessageDoes(Vertx vertx) {
        Context host = vertx.getOrCreateContext();
        BotRunner runner = runner(vertx, host);
        BotRunner.BotCall failing = () -> {
            throw new IllegalStateException("boom");
        };

        for (int i = 0; i < 3; i++) {
            String what = "message " + i;
            await(on(host, () -> runner.call(what, failing).otherwiseEmpty()));
            await(on(host, runner::describe));
        }
        int afterThreeFailures = await(on(host, () -> Future.succeededFuture(runner.consecutiveFailures)));
        await(on(host, () -> runner.call("message ok", () -> {})));
        int afterASuccess = await(on(host, () -> Future.succeededFuture(runner.consecutiveFailures)));

        assertThat(afterThreeFailures).as("the host's describe() calls in between do not reset the count").isEqualTo(3);
        assertThat(afterASuccess).isZero();
        await(on(host, () -> {
            runner.shutdown();
            return Future.succeededFuture();
        }));
    }
}
