package io.imbot.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when a test moves it, through {@link BotTester#advance} or {@link
 * BotTester#advanceTo}. Every bot in a tester gets it from {@link io.imbot.api.BotContext#clock()},
 * so a bot that reads the time from its context sees exactly the time the test sets. Give one to
 * {@link BotTesterBuilder#clock(ManualClock)} to start at another instant or in another zone.
 *
 * <p>Clocks made by {@link #withZone(ZoneId)} share the time of the clock they came from. Safe to
 * read from any thread.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at("2024-06-01T22:30:00Z");
 * BotTester tester = BotTester.of(new QuietBot()).clock(clock).start(); // QuietBot reads ctx.clock()
 * }</pre>
 */
public final class ManualClock extends Clock {

    /** Where a clock starts when no instant is given: 2024-01-01T12:00:00Z, a Monday. */
    public static final Instant DEFAULT_START = Instant.parse("2024-01-01T12:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock at {@link #DEFAULT_START} in UTC. */
    public ManualClock() {
        this(DEFAULT_START, ZoneOffset.UTC);
    }

    /**
     * A clock at {@code start} in {@code zone}.
     *
     * @param start the first instant the clock shows
     * @param zone the zone the clock reports
     */
    public ManualClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * A UTC clock at an ISO-8601 instant such as {@code 2024-06-01T22:30:00Z}.
     *
     * @param isoInstant the instant, parsed by {@link Instant#parse}
     * @return the clock
     */
    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(Objects.requireNonNull(isoInstant, "isoInstant")), ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Returns a clock with another zone that shares this clock's time. */
    @Override
    public ManualClock withZone(ZoneId zone) {
        return new ManualClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock to {@code instant}; never backwards. Used by the tester's scheduler. */
    void moveTo(Instant instant) {
        now.accumulateAndGet(instant, (current, wanted) -> wanted.isAfter(current) ? wanted : current);
    }

    @Override
    public String toString() {
        return "ManualClock[" + instant() + ", " + zone + "]";
    }
}
