package org.openmaf.client;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * KcID and Kc exported from the TLS connection that carries a MAF Key Registration (TS-0003 10.3.1): the exporter with
 * label {@value #EXPORTER_LABEL}, no context, {@value #EXPORTER_LENGTH} bytes; KcID is the 16 most significant bytes,
 * Kc the 32 least significant.
 */
public final class ConnectionKeys {

    public static final String EXPORTER_LABEL = "EXPORTER-oneM2M-Connection";
    public static final int EXPORTER_LENGTH = 48;
    static final int KC_ID_LENGTH = 16;

    private final byte[] kcId;
    private final byte[] kc;

    private ConnectionKeys(byte[] kcId, byte[] kc) {
        this.kcId = kcId;
        this.kc = kc;
    }

    /** Splits the exporter output; the caller may wipe {@code exported} afterwards. */
    public static ConnectionKeys split(byte[] exported) {
        if (exported == null || exported.length != EXPORTER_LENGTH) {
            throw new IllegalArgumentException("the TLS exporter must yield " + EXPORTER_LENGTH + " bytes");
        }
        return new ConnectionKeys(Arrays.copyOfRange(exported, 0, KC_ID_LENGTH),
                Arrays.copyOfRange(exported, KC_ID_LENGTH, EXPORTER_LENGTH));
    }

    public byte[] kcId() {
        return kcId.clone();
    }

    /** The M2M Secure Connection Key, used as the TLS-PSK {@code psk} (TS-0003 8.2.2.3). */
    public byte[] kc() {
        return kc.clone();
    }

    /** RelativeKeyID = hexBinary(KcID), uppercase as in the contract (TS-0003 10.3.5). */
    public String relativeKeyId() {
        return HexFormat.of().withUpperCase().formatHex(kcId);
    }

    /**
     * Whether the MAF's RelativeKeyID names this connection's KcID. If not, the MAF derived a different key than we
     * did (or is not the peer we exported with), and using Kc would only lead to failed PSK handshakes.
     */
    public boolean matches(String relativeKeyIdFromMaf) {
        byte[] theirs;
        try {
            theirs = HexFormat.of().parseHex(relativeKeyIdFromMaf == null ? "" : relativeKeyIdFromMaf);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(kcId, theirs);
    }

    public void destroy() {
        Arrays.fill(kc, (byte) 0);
    }

    @Override
    public String toString() {
        return "ConnectionKeys[relativeKeyId=" + relativeKeyId() + ", kc=(hidden)]";
    }
}
