package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTest extends ServerTestBase {

    @Override
    ServerOptions options() {
        return super.options().withTokens(Map.of("alice", "s3cret", "bob", "b0b"));
    }

    @Test
    void login_matchingToken_answersLoginOk(VertxTestContext ctx) {
        connect().compose(c -> c.login("alice", "s3cret"))
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer).isEqualTo(new Frame.LoginOk("alice"));
                    ctx.completeNow();
                })));
    }

    @Test
    void login_wrongToken_refusedFatallyAndClosed(VertxTestContext ctx) {
        connect().compose(c -> c.login("alice", "guess").compose(answer -> {
                    ctx.verify(() -> {
                        assertThat(answer).isInstanceOf(Frame.Error.class);
                        assertThat(((Frame.Error) answer).code()).isEqualTo("login_refused");
                    });
                    return c.closed();
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void login_userWithoutToken_refused(VertxTestContext ctx) {
        connect().compose(c -> c.login("mallory", "s3cret").compose(answer -> {
                    ctx.verify(() -> assertThat(((Frame.Error) answer).code()).isEqualTo("login_refused"));
                    return c.closed();
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void login_sameUserElsewhere_oldConnectionReplacedAndNewOneGetsUnackedMessages(VertxTestContext ctx) {
        Future<TestClient> first = connect().compose(c -> c.login("bob", "b0b").map(c));
        Future<TestClient> alice = first.compose(f -> connect()).compose(c -> c.login("alice", "s3cret").map(c));
        alice.compose(a -> a.msg("m-1", "bob", BODY))
                .compose(v -> first.result().next(Frame.Msg.class)) // delivered, not acked
                .compose(m -> connect())
                .compose(second -> second.login("bob", "b0b").compose(ok -> second.next(Frame.Msg.class)))
                .compose(redelivered -> {
                    ctx.verify(() -> assertThat(redelivered.id()).isEqualTo("m-1"));
                    return first.result().next(Frame.Error.class);
                })
                .compose(error -> {
                    ctx.verify(() -> assertThat(error.code()).isEqualTo("replaced"));
                    return first.result().closed();
                })
                .compose(v -> verifyStats(ctx, stats -> {
                    assertThat(stats.loggedInUsers()).isEqualTo(2);
                    assertThat(stats.redeliveries()).isEqualTo(1);
                }))
                .onFailure(ctx::failNow);
    }

    @Test
    void login_twiceOnOneConnection_secondRejectedAndSessionKept(VertxTestContext ctx) {
        connect().compose(c -> c.login("alice", "s3cret")
                        .compose(ok -> c.login("bob", "b0b"))
                        .compose(answer -> {
                            ctx.verify(() -> assertThat(((Frame.Error) answer).code()).isEqualTo("rejected"));
                            return c.sync();
                        }))
                .compose(v -> verifyStats(ctx, stats -> assertThat(stats.loggedInUsers()).isEqualTo(1)))
                .onFailure(ctx::failNow);
    }

    @Test
    void ping_beforeLogin_answersPong(VertxTestContext ctx) {
        connect().compose(TestClient::sync).onComplete(ctx.succeedingThenComplete());
    }
}
