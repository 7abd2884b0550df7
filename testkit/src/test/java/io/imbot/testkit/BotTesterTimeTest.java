package io.imbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imbot.api.BotContext;
import io.imbot.api.Cancellable;
import io.imbot.api.MessageEvent;
import io.imbot.api.ReplyBot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BotTesterTimeTest {

    /** Posts "tick" to #clock every minute once started, and "later" 90 s after any message. */
    static final class TickBot implements ReplyBot {
        BotContext context;
        Cancellable ticking;

        @Override
        public void start(BotContext context) {
            this.context = context;
            ticking = context.scheduleEvery(Duration.ofMinutes(1), () -> context.send("#clock", "tick"));
        }

        @Override
        public void onMessage(MessageEvent event) {
            context.schedule(Duration.ofSeconds(90), () -> event.reply("later"));
        }
    }

    @Test
    void advance_pastPeriods_runsPeriodicTaskOncePerPeriod() {
        TickBot bot = new TickBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.advance(Duration.ofSeconds(59));
            assertThat(tester.sent()).isEmpty();

            tester.advance(Duration.ofMinutes(2).plusSeconds(1));
            assertThat(tester.history("#clock")).hasSize(3);
            assertThat(tester.history("#clock")).extracting(m -> m.timestamp()).containsExactly(
                    ManualClock.DEFAULT_START.plusSeconds(60),
                    ManualClock.DEFAULT_START.plusSeconds(120),
                    ManualClock.DEFAULT_START.plusSeconds(180));
        }
    }

    @Test
    void advance_tasksDueInBetween_runInDueOrderAtTheirTime() {
        TickBot bot = new TickBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.say("alice", "hi");
            tester.advance(Duration.ofMinutes(2));

            assertThat(tester.sent()).extracting(m -> m.body() + "@" + m.timestamp().getEpochSecond() % 3600)
                    .containsExactly("tick@60", "later@90", "tick@120");
            assertThat(tester.now()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(120));
        }
    }

    @Test
    void cancel_periodicTask_stopsRunningAndLeavesQueue() {
        TickBot bot = new TickBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            tester.advance(Duration.ofMinutes(1));
            bot.ticking.cancel();
            tester.advance(Duration.ofMinutes(5));

            assertThat(tester.sent()).hasSize(1);
            assertThat(tester.scheduledTasks()).isZero();
        }
    }

    @Test
    void advance_negativeOrBackwards_throws() {
        try (BotTester tester = BotTester.of(new TickBot()).start()) {
            assertThatThrownBy(() -> tester.advance(Duration.ofSeconds(-1))).hasMessageContaining("duration");
            assertThatThrownBy(() -> tester.advanceTo(Instant.EPOCH)).hasMessageContaining("back");
        }
    }

    @Test
    void clock_sharedWithBot_botSeesTesterTime() {
        ManualClock clock = ManualClock.at("2024-06-01T21:59:00Z");
        try (BotTester tester = BotTester.of(new TickBot()).clock(clock).start()) {
            tester.advance(Duration.ofMinutes(2));

            assertThat(clock.instant()).isEqualTo(Instant.parse("2024-06-01T22:01:00Z"));
            assertThat(clock.withZone(ZoneId.of("Europe/Berlin")).instant()).isEqualTo(clock.instant());
            assertThat(tester.history("alice")).isEmpty();
        }
    }

    @Test
    void contextClock_testerAdvances_botReadsVirtualTime() {
        ManualClock clock = new ManualClock(Instant.parse("2024-06-01T21:59:00Z"), ZoneId.of("Asia/Tokyo"));
        TickBot bot = new TickBot();
        try (BotTester tester = BotTester.of(bot).clock(clock).start()) {
            tester.advance(Duration.ofMinutes(2));

            assertThat(bot.context.clock()).isSameAs(tester.clock());
            assertThat(bot.context.clock().instant()).isEqualTo(Instant.parse("2024-06-01T22:01:00Z"));
            assertThat(bot.context.clock().getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        }
    }

    @Test
    void scheduleEvery_zeroPeriod_throwsNamingPeriod() {
        TickBot bot = new TickBot();
        try (BotTester tester = BotTester.of(bot).start()) {
            assertThatThrownBy(() -> bot.context.scheduleEvery(Duration.ZERO, () -> {}))
                    .hasMessageContaining("period");
        }
    }
}
