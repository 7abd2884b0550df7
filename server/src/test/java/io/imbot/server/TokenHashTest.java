package io.imbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void matches_sameTokenAfterEncodeAndParse_trueAndOthersFalse() {
        TokenHash hash = TokenHash.parse(TokenHash.of("s3cret", 10).encoded());
        assertThat(hash.matches("s3cret")).isTrue();
        assertThat(hash.matches("s3cret ")).isFalse();
        assertThat(hash.matches("")).isFalse();
        assertThat(hash.matches(null)).isFalse();
        assertThat(hash.iterations()).isEqualTo(10);
    }

    @Test
    void of_sameTokenTwice_differentSaltsSoDifferentHashes() {
        assertThat(TokenHash.of("s3cret", 10).encoded()).isNotEqualTo(TokenHash.of("s3cret", 10).encoded());
    }

    @Test
    void of_defaults_useTheDocumentedIterationsAndForm() {
        assertThat(TokenHash.of("s3cret").encoded()).matches("pbkdf2-sha256:600000:[A-Za-z0-9+/]{22}:[A-Za-z0-9+/]{43}");
    }

    @Test
    void parse_malformed_explainsWithoutRepeatingTheInput() {
        assertThatThrownBy(() -> TokenHash.parse("s3cret")).hasMessageContaining("not a token hash").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> TokenHash.parse("pbkdf2-sha256:many:AAAA:BBBB")).hasMessageContaining("iterations");
        assertThatThrownBy(() -> TokenHash.parse("pbkdf2-sha256:10:!!:BBBB")).hasMessageContaining("salt is not base64");
        assertThatThrownBy(() -> TokenHash.parse("pbkdf2-sha256:10:AAAAAAAAAAAA:BBBB")).hasMessageContaining("a hash of 32");
    }

    @Test
    void toString_never_showsSaltOrHash() {
        TokenHash hash = TokenHash.of("s3cret", 10);
        String[] parts = hash.encoded().split(":");
        assertThat(hash.toString()).doesNotContain(parts[2]).doesNotContain(parts[3]).contains("10 iterations");
    }

    @Test
    void randomToken_twice_43UrlSafeCharactersAndDifferent() {
        String a = TokenHash.randomToken();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(TokenHash.randomToken());
    }

    @Test
    void matchingNothing_anyToken_false() {
        assertThat(TokenHash.matchingNothing().matches("s3cret")).isFalse();
    }
}
