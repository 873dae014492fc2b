package org.openmaf.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ConnectionKeysTest {

    private static byte[] exporterOutput() {
        byte[] bytes = new byte[48];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0xA0 + i);
        }
        return bytes;
    }

    @Test
    void kcIdIsTheSixteenMostSignificantBytesAndKcTheThirtyTwoLeast() {
        ConnectionKeys keys = ConnectionKeys.split(exporterOutput());

        assertThat(HexFormat.of().formatHex(keys.kcId())).isEqualTo("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
        assertThat(keys.kc()).hasSize(32).startsWith((byte) 0xB0).endsWith((byte) 0xCF);
        assertThat(keys.relativeKeyId()).isEqualTo("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
    }

    @Test
    void theMafsRelativeKeyIdMustNameOurKcIdInEitherCase() {
        ConnectionKeys keys = ConnectionKeys.split(exporterOutput());

        assertThat(keys.matches("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF")).isTrue();
        assertThat(keys.matches("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf")).isTrue();
        assertThat(keys.matches("A0A1A2A3A4A5A6A7A8A9AAABACADAEAE")).isFalse();
        assertThat(keys.matches("A0A1A2A3A4A5A6A7A8A9AAABACADAE")).isFalse();
        assertThat(keys.matches("not hex")).isFalse();
        assertThat(keys.matches(null)).isFalse();
    }

    @Test
    void onlyFortyEightBytesOfExporterOutputAreAccepted() {
        assertThatThrownBy(() -> ConnectionKeys.split(new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kcNeverAppearsInToString() {
        ConnectionKeys keys = ConnectionKeys.split(exporterOutput());

        assertThat(keys.toString()).doesNotContainIgnoringCase(HexFormat.of().formatHex(keys.kc()).substring(0, 8));
    }

    @Test
    void keyIdentifiersHaveTheFormOfClause10_3_5() {
        KeyIdentifier id = KeyIdentifier.parse("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf@MAF.Example.org");

        assertThat(id.relativeKeyId()).isEqualTo("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");
        assertThat(id.isIssuedBy("maf.example.org")).isTrue();
        assertThat(id.isIssuedBy("other.example.org")).isFalse();
        assertThatThrownBy(() -> KeyIdentifier.parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyIdentifier.parse("A0A1@maf.example.org")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyIdentifier.parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@bad host")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyIdentifier.parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF@a@b")).isInstanceOf(IllegalArgumentException.class);
    }
}
