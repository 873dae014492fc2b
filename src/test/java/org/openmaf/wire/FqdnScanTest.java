package org.openmaf.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@link Fqdn#isValid} and {@link KeyIdentifier#isRelativeKeyId} scan their input instead of matching a regular
 * expression (issue 12: they run on every request). They must accept exactly what the patterns describe: the FQDN
 * pattern is still the one {@link ClientId} embeds. Seeded, so a failure names a reproducible input.
 */
class FqdnScanTest {

    private static final Pattern FQDN = Pattern.compile(Fqdn.PATTERN);
    private static final Pattern RELATIVE_KEY_ID = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final String LABEL_CHARACTERS = "aZ09-_.é ";

    @Test
    void theFqdnScanAcceptsExactlyTheFqdnPatternWithinTheLengthLimit() {
        Random random = new Random(20261205);
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            String candidate = candidateFqdn(random);
            boolean expected = candidate.length() <= Fqdn.MAX_LENGTH && FQDN.matcher(candidate).matches();
            assertThat(Fqdn.isValid(candidate)).as("'%s' (%d characters)", candidate, candidate.length()).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("the generator reaches both answers").isBetween(5_000, 45_000);
    }

    @Test
    void boundaries() {
        String label63 = "a" + "-".repeat(61) + "b";
        assertThat(Fqdn.isValid(label63)).isTrue();
        assertThat(Fqdn.isValid(label63 + "c")).as("a 64-character label").isFalse();
        String longest = String.join(".", List.of("a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61)));
        assertThat(longest).hasSize(253);
        assertThat(Fqdn.isValid(longest)).isTrue();
        assertThat(Fqdn.isValid(longest + "d")).as("254 characters").isFalse();
        assertThat(List.of("", ".", "a.", ".a", "a..b", "-a", "a-", "a.-b", "a_b", "a b", "maf.example.org."))
                .allSatisfy(invalid -> assertThat(Fqdn.isValid(invalid)).as("'%s'", invalid).isFalse());
        assertThat(Fqdn.isValid(null)).isFalse();
    }

    @Test
    void theRelativeKeyIdScanAcceptsExactly32HexDigits() {
        Random random = new Random(20261205);
        String alphabet = "0123456789abcdefABCDEFgG@ ";
        for (int i = 0; i < 20_000; i++) {
            int length = 30 + random.nextInt(5);
            StringBuilder candidate = new StringBuilder();
            for (int j = 0; j < length; j++) {
                // mostly hex digits, so that many candidates are valid and the rest fail by one character
                candidate.append(random.nextInt(20) == 0 ? alphabet.charAt(22 + random.nextInt(4)) : alphabet.charAt(random.nextInt(22)));
            }
            String text = candidate.toString();
            assertThat(KeyIdentifier.isRelativeKeyId(text)).as("'%s'", text).isEqualTo(RELATIVE_KEY_ID.matcher(text).matches());
        }
        assertThat(KeyIdentifier.isRelativeKeyId(null)).isFalse();
        assertThat(KeyIdentifier.isRelativeKeyId("٠".repeat(32))).as("non-ASCII digits").isFalse();
    }

    /** Labels of 0 to 66 characters, mostly letters and digits, with hyphens, dots and foreign characters sprinkled in. */
    private static String candidateFqdn(Random random) {
        List<String> labels = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int l = 0; l < count; l++) {
            int length = random.nextInt(4) == 0 ? 60 + random.nextInt(7) : random.nextInt(12);
            StringBuilder label = new StringBuilder();
            for (int c = 0; c < length; c++) {
                label.append(random.nextInt(25) == 0 ? LABEL_CHARACTERS.charAt(4 + random.nextInt(5))
                        : LABEL_CHARACTERS.charAt(random.nextInt(4)));
            }
            labels.add(label.toString());
        }
        return String.join(".", labels);
    }
}
