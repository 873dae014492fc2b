package org.openmaf.wire;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Key Identifier of the MAF security framework, TS-0003 10.3.5: {@code RelativeKeyID@MAF-FQDN}, where RelativeKeyID
 * is the hexadecimal form of the 16-byte KcID. This is what an AE sends as {@code psk_identity} (TS-0003 8.2.2.3) and
 * what the MAF answers in {@code keyIdentifier}. RelativeKeyID is kept in the contract's canonical uppercase form
 * (section 2); either case is accepted, and the MAF-FQDN is compared case-insensitively.
 */
public record KeyIdentifier(String relativeKeyId, String mafFqdn) {

    /** 16 bytes of KcID, or of a random ID for a self-generated key. */
    public static final int RELATIVE_KEY_ID_BYTES = 16;

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    public KeyIdentifier {
        if (!isRelativeKeyId(relativeKeyId)) {
            throw new IllegalArgumentException("a RelativeKeyID is 32 hexadecimal characters");
        }
        if (!Fqdn.isValid(mafFqdn)) {
            throw new IllegalArgumentException("not a MAF-FQDN: " + mafFqdn);
        }
        relativeKeyId = relativeKeyId.toUpperCase(Locale.ROOT);
    }

    /** 32 hexadecimal digits, either case; checked on every key lookup, so a loop rather than a regular expression. */
    public static boolean isRelativeKeyId(String text) {
        if (text == null || text.length() != 2 * RELATIVE_KEY_ID_BYTES) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!HexFormat.isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RelativeKeyID = hexBinary(KcID), uppercase (TS-0003 10.3.5). */
    public static String relativeKeyIdOf(byte[] kcId) {
        if (kcId.length != RELATIVE_KEY_ID_BYTES) {
            throw new IllegalArgumentException("a KcID has " + RELATIVE_KEY_ID_BYTES + " bytes");
        }
        return UPPER_HEX.formatHex(kcId);
    }

    /** A fresh RelativeKeyID for a self-generated key (contract section 2): 16 random bytes. */
    public static String randomRelativeKeyId(SecureRandom random) {
        byte[] id = new byte[RELATIVE_KEY_ID_BYTES];
        random.nextBytes(id);
        return relativeKeyIdOf(id);
    }

    /** The identifier for a KcID exported from the key registration connection. */
    public static KeyIdentifier of(byte[] kcId, String mafFqdn) {
        return new KeyIdentifier(relativeKeyIdOf(kcId), mafFqdn);
    }

    /** Parses the full form {@code RelativeKeyID@MAF-FQDN}, either case; refuses anything else, e.g. a bare RelativeKeyID. */
    public static KeyIdentifier parse(String text) {
        int at = text == null ? -1 : text.indexOf('@');
        if (at < 0 || text.indexOf('@', at + 1) >= 0) {
            throw new IllegalArgumentException("a Key Identifier has the form RelativeKeyID@MAF-FQDN");
        }
        return new KeyIdentifier(text.substring(0, at), text.substring(at + 1));
    }

    /**
     * How a lookup names a key (contract section 2: "either case and either form"): a bare RelativeKeyID, taken as
     * issued by {@code mafFqdn}, or a full Key Identifier, which keeps its own MAF-FQDN; ask {@link #isIssuedBy}.
     */
    public static KeyIdentifier lookup(String reference, String mafFqdn) {
        return reference != null && reference.indexOf('@') >= 0 ? parse(reference) : new KeyIdentifier(reference, mafFqdn);
    }

    /** Whether this identifier names a key held by the MAF with the given FQDN (DNS names compare case-insensitively). */
    public boolean isIssuedBy(String fqdn) {
        return mafFqdn.equalsIgnoreCase(fqdn);
    }

    public byte[] kcId() {
        return HexFormat.of().parseHex(relativeKeyId);
    }

    @Override
    public String toString() {
        return relativeKeyId + "@" + mafFqdn;
    }
}
