package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.imbot.protocol.Frame;
import io.imbot.protocol.FrameCodec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTest extends ServerTestBase {

    /** Accounts for alice and bob; no open login. Few iterations, so the test does not wait on PBKDF2. */
    @Override
    ServerOptions options() {
        return super.options().withOpenLogin(false)
                .withAccounts(Map.of("alice", TokenHash.of("s3cret", 10), "bob", TokenHash.of("b0b", 10)));
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
    void login_wrongTokenForUserOnline_refusedAndTheOnlineSessionKeepsItsMessages(VertxTestContext ctx) {
        Future<TestClient> bob = connect().compose(c -> c.login("bob", "b0b").map(c));
        bob.compose(b -> connect())
                .compose(intruder -> intruder.login("bob", "").compose(answer -> {
                    ctx.verify(() -> assertThat(((Frame.Error) answer).code()).isEqualTo("login_refused"));
                    return intruder.closed();
                }))
                .compose(v -> connect()).compose(c -> c.login("alice", "s3cret").map(c))
                .compose(alice -> alice.msg("m-1", "bob", BODY))
                .compose(v -> bob.result().next(Frame.Msg.class))
                .onComplete(ctx.succeeding(m -> ctx.verify(() -> {
                    assertThat(m.id()).isEqualTo("m-1");
                    assertThat(bob.result().closed().isComplete()).as("bob was not replaced").isFalse();
                    ctx.completeNow();
                })));
    }

    @Test
    void login_openLogin_letsInNamesWithoutAccountButNotReservedOnesOrAccountsWithoutToken(VertxTestContext ctx) {
        ServerOptions open = options().withOpenLogin(true).withReservedUsers(java.util.Set.of("bot"));
        ImServer.start(vertx, open).compose(s -> TestClient.connect(vertx, s.port()).compose(c -> c.login("carol", ""))
                        .compose(carol -> TestClient.connect(vertx, s.port()).compose(c -> c.login("bot", "")))
                        .compose(bot -> TestClient.connect(vertx, s.port()).compose(c -> c.login("alice", "")).map(alice -> List.of(bot, alice)))
                        .compose(answers -> s.stats().map(stats -> {
                            ctx.verify(() -> {
                                assertThat(answers).allSatisfy(a -> assertThat(((Frame.Error) a).code()).isEqualTo("login_refused"));
                                assertThat(stats.loggedInUsers()).isEqualTo(1);
                                assertThat(stats.loginsRefused()).isEqualTo(2);
                            });
                            return null;
                        })))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void login_costlyHashWithFramesPipelinedBehindIt_checkedOffTheLoopThenFramesHandledInOrder(VertxTestContext ctx) {
        TokenHash costly = TokenHash.of("s3cret", LoginVerifier.INLINE_ITERATIONS);
        ServerOptions slow = options().withAccounts(Map.of("alice", costly));
        Buffer pipelined = Buffer.buffer()
                .appendBuffer(FrameCodec.encode(new Frame.Login("alice", "s3cret")))
                .appendBuffer(FrameCodec.encode(new Frame.Msg("m-1", "", "bob", "y".repeat(5000), 0)))
                .appendBuffer(FrameCodec.encode(new Frame.Ping()));
        ImServer.start(vertx, slow).compose(s -> TestClient.connect(vertx, s.port()))
                .compose(c -> c.sendRaw(pipelined).compose(v -> c.next()).compose(first -> c.next().compose(second -> c.next()
                        .map(third -> List.of(first, second, third)))))
                .onComplete(ctx.succeeding(frames -> ctx.verify(() -> {
                    assertThat(frames).containsExactly(new Frame.LoginOk("alice"), new Frame.Ack("m-1"), new Frame.Pong());
                    ctx.completeNow();
                })));
    }

    @Test
    void ping_beforeLogin_answersPong(VertxTestContext ctx) {
        connect().compose(TestClient::sync).onComplete(ctx.succeedingThenComplete());
    }
}
