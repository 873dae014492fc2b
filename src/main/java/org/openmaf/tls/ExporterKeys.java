package org.openmaf.tls;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 48 bytes of {@code EXPORTER-oneM2M-Connection} split as TS-0003 10.3.1 says: KcID is the 16 most significant
 * bytes, Kc the 32 least significant. RelativeKeyID is the uppercase hex of KcID (10.3.5).
 */
public final class ExporterKeys {

    public static final String LABEL = "EXPORTER-oneM2M-Connection";
    public static final int LENGTH = 48;
    public static final int KEY_ID_LENGTH = 16;

    private final byte[] keyId;
    private final byte[] key;

    private ExporterKeys(byte[] keyId, byte[] key) {
        this.keyId = keyId;
        this.key = key;
    }

    public static ExporterKeys split(byte[] exported) {
        if (exported.length != LENGTH) {
            throw new IllegalArgumentException("exporter output must be " + LENGTH + " bytes");
        }
        return new ExporterKeys(Arrays.copyOfRange(exported, 0, KEY_ID_LENGTH),
                Arrays.copyOfRange(exported, KEY_ID_LENGTH, LENGTH));
    }

    public String relativeKeyId() {
        return HexFormat.of().withUpperCase().formatHex(keyId);
    }

    /** Kc, a copy the caller should wipe when done. */
    public byte[] key() {
        return key.clone();
    }

    public void destroy() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(keyId, (byte) 0);
    }

    @Override
    public String toString() {
        return "ExporterKeys[relativeKeyId=" + relativeKeyId() + ", key=<hidden>]";
    }
}
