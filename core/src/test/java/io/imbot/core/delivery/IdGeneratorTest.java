package io.imbot.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final long NOW = 1_780_000_000_000L;

    @Test
    void next_clockAdvances_idsSortAsStringsInTheOrderMade() {
        AtomicLong clock = new AtomicLong(NOW);
        IdGenerator ids = new IdGenerator(clock::get, new SecureRandom());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            made.add(ids.next());
            clock.addAndGet(i % 7 == 0 ? 1 : 0); // several per millisecond, then the next one
        }
        clock.set(NOW + 1_000_000_000L); // a leap in time changes the leading characters
        made.add(ids.next());

        assertThat(made).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).hasSize(IdGenerator.LENGTH));
    }

    @Test
    void next_clockStepsBack_idsStillGrow() {
        AtomicLong clock = new AtomicLong(NOW);
        IdGenerator ids = new IdGenerator(clock::get, new SecureRandom());
        String before = ids.next();
        clock.set(NOW - 60_000); // NTP stepped the clock a minute back
        String after = ids.next();

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void next_laterMillisecond_sortsAfterEveryIdOfTheEarlierOne() {
        AtomicLong clock = new AtomicLong(NOW);
        IdGenerator ids = new IdGenerator(clock::get, new SecureRandom());
        String last = null;
        for (int i = 0; i < 40_000; i++) { // more than fit in 3 counter characters
            last = ids.next();
        }
        clock.incrementAndGet();

        assertThat(ids.next()).isGreaterThan(last);
    }

    @Test
    void next_twoProcessesSameMillisecond_neverCollide() {
        IdGenerator a = new IdGenerator(() -> NOW, new SecureRandom());
        IdGenerator b = new IdGenerator(() -> NOW, new SecureRandom());
        HashSet<String> all = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            all.add(a.next());
            all.add(b.next());
        }

        assertThat(all).hasSize(2000);
    }

    @Test
    void next_systemClock_idsOfTwoRunsSortByTime() {
        String first = new IdGenerator().next();
        String later = new IdGenerator(() -> System.currentTimeMillis() + 1, new SecureRandom()).next();

        assertThat(later).isGreaterThan(first);
    }
}
