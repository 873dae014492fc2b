package org.openmaf.client;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Key Identifier of the MAF security framework, TS-0003 10.3.5: {@code RelativeKeyID@MAF-FQDN} where RelativeKeyID is
 * the hexadecimal form of the 16-byte KcID. This is what an AE sends as {@code psk_identity} (TS-0003 8.2.2.3).
 * RelativeKeyID is kept in the canonical uppercase form of the contract (section 2); either case is accepted.
 */
public record KeyIdentifier(String relativeKeyId, String mafFqdn) {

    private static final Pattern RELATIVE_KEY_ID = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern FQDN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    public KeyIdentifier {
        if (relativeKeyId == null || !RELATIVE_KEY_ID.matcher(relativeKeyId).matches()) {
            throw new IllegalArgumentException("a RelativeKeyID is 32 hexadecimal characters");
        }
        if (mafFqdn == null || mafFqdn.length() > 253 || !FQDN.matcher(mafFqdn).matches()) {
            throw new IllegalArgumentException("not a MAF-FQDN: " + mafFqdn);
        }
        relativeKeyId = relativeKeyId.toUpperCase(Locale.ROOT);
    }

    /** The identifier for a KcID exported from the key registration connection. */
    public static KeyIdentifier of(byte[] kcId, String mafFqdn) {
        return new KeyIdentifier(HexFormat.of().withUpperCase().formatHex(kcId), mafFqdn);
    }

    /** Parses {@code RelativeKeyID@MAF-FQDN}; refuses anything else, e.g. a bare RelativeKeyID. */
    public static KeyIdentifier parse(String text) {
        int at = text == null ? -1 : text.indexOf('@');
        if (at < 0 || text.indexOf('@', at + 1) >= 0) {
            throw new IllegalArgumentException("a Key Identifier has the form RelativeKeyID@MAF-FQDN");
        }
        return new KeyIdentifier(text.substring(0, at), text.substring(at + 1));
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
