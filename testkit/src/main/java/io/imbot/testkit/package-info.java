/**
 * Unit-test a bot without a network or a database: feed it messages, assert its replies.
 *
 * <p>Add {@code io.imbot:imbot-testkit} to the plugin project in {@code test} scope. The testkit
 * needs nothing beyond the api and PF4J, and takes PF4J from the project (it is {@code provided}
 * here): a bot project always has it, in {@code provided} scope, because {@link
 * io.imbot.api.ReplyBot} extends {@code org.pf4j.ExtensionPoint}, and Maven puts provided
 * dependencies on the test classpath.
 *
 * <pre>{@code
 * class PingBotTest {
 *     @Test
 *     void onMessage_ping_repliesPong() {
 *         try (BotTester tester = BotTester.of(new PingBot()).start()) {
 *             assertThat(tester.say("alice", "ping")).containsExactly("pong");
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Time is virtual: {@link io.imbot.testkit.BotTester#advance} runs scheduled tasks, and {@link
 * io.imbot.api.BotContext#clock()} returns the tester's {@link io.imbot.testkit.ManualClock}, so a
 * bot that reads the time from its context needs no test-only constructor.
 */
package io.imbot.testkit;
