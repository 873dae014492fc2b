package org.openmaf.keys;

import org.openmaf.onem2m.MafException;
import org.openmaf.wire.KeyIdentifier;

/**
 * How a request names a key: a RelativeKeyID or a Key Identifier {@code RelativeKeyID@MAF-FQDN} (TS-0003 10.3.5), in
 * either case. The rule is {@link KeyIdentifier#lookup}, shared with the client library; this class only turns its
 * outcome into the oneM2M answers: a malformed reference is 4000, a key of another MAF is 4004.
 */
public final class KeyReference {

    private KeyReference() {
    }

    /** The canonical uppercase RelativeKeyID the reference names on this MAF. */
    public static String relativeKeyId(String reference, String mafFqdn) {
        KeyIdentifier identifier;
        try {
            identifier = KeyIdentifier.lookup(reference, mafFqdn);
        } catch (IllegalArgumentException malformed) {
            throw MafException.badRequest("'" + reference + "' is neither a RelativeKeyID (32 hex digits) nor a Key"
                    + " Identifier (RelativeKeyID@" + mafFqdn + ").");
        }
        if (!identifier.isIssuedBy(mafFqdn)) {
            throw MafException.notFound("Key Identifier '" + reference + "' names the MAF '" + identifier.mafFqdn()
                    + "'; this MAF is '" + mafFqdn + "'.");
        }
        return identifier.relativeKeyId();
    }

    public static String keyIdentifier(String relativeKeyId, String mafFqdn) {
        return new KeyIdentifier(relativeKeyId, mafFqdn).toString();
    }
}
