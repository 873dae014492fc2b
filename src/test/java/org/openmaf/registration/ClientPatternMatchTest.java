package org.openmaf.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

/**
 * {@link ClientPattern#matches} remembers the canonical form of each stored pattern (issue 12): whatever it answered the
 * first time for a pattern, as stored, it answers every time after, and the memory changes no answer.
 */
class ClientPatternMatchTest {

    @RepeatedTest(2)
    void aStoredPatternMatchesInCanonicalFormEveryTime() {
        assertThat(ClientPattern.matches("//SP.Example/*", "//sp.example/mn-1")).isTrue();
        assertThat(ClientPattern.matches("//SP.Example/*", "//sp.example.evil.org/x")).isFalse();
        assertThat(ClientPattern.matches("//sp.example/mn-*", "//sp.example/mn-7")).isTrue();
        assertThat(ClientPattern.matches("//sp.example/mn-*", "//sp.example/ae-7")).isFalse();
        assertThat(ClientPattern.matches("//SP.example/CAE1", "//sp.example/CAE1")).isTrue();
        assertThat(ClientPattern.matches("//SP.example/CAE1", "//sp.example/cae1")).isFalse();
    }

    @RepeatedTest(2)
    void aPatternThatIsNoneMatchesNobodyEveryTime() {
        assertThat(ClientPattern.matches("//sp.exa*", "//sp.example/x")).isFalse();
        assertThat(ClientPattern.matches("//my_sp/*", "//my_sp/x")).isFalse();
        assertThat(ClientPattern.matches("*", "//sp.example/x")).isFalse();
        assertThat(ClientPattern.matches(null, "//sp.example/x")).isFalse();
    }
}
