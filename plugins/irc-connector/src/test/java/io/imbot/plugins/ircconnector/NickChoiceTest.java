package io.imbot.plugins.ircconnector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NickChoiceTest {

    @Test
    void taken_alternativesInTurn_thenNoneLeft() {
        NickChoice nicks = new NickChoice("bot", () -> 7);

        assertThat(nicks.current()).isEqualTo("bot");
        assertThat(nicks.asConfigured()).isTrue();
        assertThat(nicks.taken()).isEqualTo("bot_");
        assertThat(nicks.taken()).isEqualTo("bot__");
        assertThat(nicks.taken()).isEqualTo("bot07");
        assertThat(nicks.asConfigured()).isFalse();
        for (int i = 3; i < NickChoice.MAX_ALTERNATIVES; i++) {
            assertThat(nicks.taken()).isNotNull();
        }
        assertThat(nicks.taken()).isNull();
    }

    @Test
    void refused_theConfiguredNick_nothingToTry() {
        assertThat(new NickChoice("bot", () -> 7).refused()).isNull();
    }

    @Test
    void refused_anAlternative_theNextIsCutToTheConfiguredLength() {
        NickChoice nicks = new NickChoice("bot", () -> 42);

        nicks.taken();
        assertThat(nicks.refused()).isEqualTo("bo_");
        assertThat(nicks.taken()).isEqualTo("b__");
        assertThat(nicks.taken()).isEqualTo("b42");
    }
}
