package org.openmaf.keys;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openmaf.onem2m.MafException;

/**
 * How a request names a key: a RelativeKeyID or a Key Identifier {@code RelativeKeyID@MAF-FQDN} (TS-0003 10.3.5), in
 * either case. Resolves to the canonical uppercase RelativeKeyID.
 */
public final class KeyReference {

    private static final Pattern RELATIVE_KEY_ID = Pattern.compile("[0-9A-Fa-f]{32}");

    private KeyReference() {
    }

    public static String relativeKeyId(String reference, String mafFqdn) {
        String relative = reference;
        int at = reference.indexOf('@');
        if (at >= 0) {
            String fqdn = reference.substring(at + 1);
            if (!fqdn.equalsIgnoreCase(mafFqdn)) {
                throw MafException.notFound("Key Identifier '" + reference + "' names the MAF '" + fqdn + "'; this MAF is '"
                        + mafFqdn + "'.");
            }
            relative = reference.substring(0, at);
        }
        if (!RELATIVE_KEY_ID.matcher(relative).matches()) {
            throw MafException.badRequest("'" + reference + "' is neither a RelativeKeyID (32 hex digits) nor a Key"
                    + " Identifier (RelativeKeyID@" + mafFqdn + ").");
        }
        return relative.toUpperCase(Locale.ROOT);
    }

    public static String keyIdentifier(String relativeKeyId, String mafFqdn) {
        return relativeKeyId + "@" + mafFqdn;
    }

    public static String randomRelativeKeyId(java.security.SecureRandom random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().withUpperCase().formatHex(id);
    }
}
