package io.imbot.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyLimiterTest {

    @Test
    void tryAcquire_moreThanCountInWindow_refusesTheRestPerConversation() {
        ReplyLimiter limiter = new ReplyLimiter(3, Duration.ofMinutes(10));

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
        assertThat(limiter.tryAcquire("#lobby")).as("other conversations are counted apart").isTrue();
    }

    @Test
    void tryAcquire_afterWindowPassed_allowsAgain() {
        ReplyLimiter limiter = new ReplyLimiter(1, Duration.ZERO); // every earlier reply is already outside the window

        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
    }
}
