package io.imbot.api.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Always draws the lowest or the highest value allowed, to see the bounds. */
    private static RandomGenerator extreme(boolean high) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return high ? bound - 1 : 0;
            }
        };
    }

    @Test
    void nextDelayMillis_repeatedFailures_doublesUpToTheCap() {
        Backoff highest = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), extreme(true));

        assertThat(new long[] {highest.nextDelayMillis(), highest.nextDelayMillis(), highest.nextDelayMillis(),
                highest.nextDelayMillis(), highest.nextDelayMillis(), highest.nextDelayMillis()})
                .containsExactly(100, 200, 400, 800, 1000, 1000);
        assertThat(highest.failures()).isEqualTo(6);
    }

    @Test
    void nextDelayMillis_jitter_neverBelowHalfTheCeiling() {
        Backoff lowest = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), extreme(false));

        assertThat(new long[] {lowest.nextDelayMillis(), lowest.nextDelayMillis(), lowest.nextDelayMillis(),
                lowest.nextDelayMillis(), lowest.nextDelayMillis()})
                .containsExactly(50, 100, 200, 400, 500);
    }

    @Test
    void nextDelayMillis_randomJitter_staysWithinBounds() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), new SplittableRandom(7));
        for (int n = 0; n < 200; n++) {
            long ceiling = Math.min(30_000, 200L << Math.min(n, 30));
            assertThat(backoff.nextDelayMillis()).isBetween(ceiling / 2, ceiling);
        }
    }

    @Test
    void reset_afterFailures_startsAgainFromTheInitialDelay() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), extreme(true));
        for (int i = 0; i < 5; i++) {
            backoff.nextDelayMillis();
        }

        backoff.reset();

        assertThat(backoff.failures()).isZero();
        assertThat(backoff.nextDelayMillis()).isEqualTo(100);
    }

    @Test
    void nextDelayMillis_manyFailures_noOverflowPastTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofHours(1), extreme(true));
        long last = 0;
        for (int i = 0; i < 100; i++) {
            last = backoff.nextDelayMillis();
            assertThat(last).isPositive();
        }

        assertThat(last).isEqualTo(Duration.ofHours(1).toMillis());
    }

    @Test
    void constructor_zeroDurations_treatedAsOneMillisecond() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ZERO, extreme(true));

        assertThat(backoff.nextDelayMillis()).isEqualTo(1);
        assertThat(backoff.nextDelayMillis()).isEqualTo(1);
    }

    @Test
    void shouldWarn_sameReasonAgain_quietUntilTheTenthAttemptOrALogin() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1), extreme(true));
        List<Boolean> warned = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            backoff.nextDelayMillis();
            warned.add(backoff.shouldWarn("password refused"));
        }

        assertThat(warned).containsExactly(true, false, false, false, false, false, false, false, false, true, false, false);
        backoff.nextDelayMillis();
        assertThat(backoff.shouldWarn("connection refused")).as("a new reason").isTrue();
        backoff.loggedIn();
        backoff.nextDelayMillis();
        assertThat(backoff.shouldWarn("connection refused")).as("the first failure after a login").isTrue();
    }
}
