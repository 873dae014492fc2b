package org.openmaf.wire;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * KcID and Kc exported from the TLS connection that carries a MAF Key Registration (TS-0003 10.3.1, contract section
 * 2): the exporter with label {@value #EXPORTER_LABEL}, no context, {@value #EXPORTER_LENGTH} bytes; KcID is the 16 most
 * significant bytes, Kc the 32 least significant. Running the exporter needs the TLS session and stays with each side
 * ({@code tls/TlsConnection}, {@code client/MafConnection}); the split lives here once.
 */
public final class ConnectionKeys {

    public static final String EXPORTER_LABEL = "EXPORTER-oneM2M-Connection";
    public static final int EXPORTER_LENGTH = 48;
    public static final int KC_ID_LENGTH = KeyIdentifier.RELATIVE_KEY_ID_BYTES;

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

    /** The M2M Secure Connection Key, a copy the caller should wipe when done; the TLS-PSK {@code psk} (TS-0003 8.2.2.3). */
    public byte[] kc() {
        return kc.clone();
    }

    /** RelativeKeyID = hexBinary(KcID), uppercase as in the contract (TS-0003 10.3.5). */
    public String relativeKeyId() {
        return KeyIdentifier.relativeKeyIdOf(kcId);
    }

    /**
     * Whether the MAF's RelativeKeyID names this connection's KcID, in either case. If not, the MAF derived a different
     * key than we did (or is not the peer we exported with), and using Kc would only lead to failed PSK handshakes.
     */
    public boolean matches(String relativeKeyIdFromMaf) {
        if (!KeyIdentifier.isRelativeKeyId(relativeKeyIdFromMaf)) {
            return false;
        }
        return MessageDigest.isEqual(kcId, HexFormat.of().parseHex(relativeKeyIdFromMaf));
    }

    public void destroy() {
        Arrays.fill(kc, (byte) 0);
        Arrays.fill(kcId, (byte) 0);
    }

    @Override
    public String toString() {
        return "ConnectionKeys[relativeKeyId=" + relativeKeyId() + ", kc=(hidden)]";
    }
}
