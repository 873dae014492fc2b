package org.openmaf.wire;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Master Credential Identifier, KmID = {@code <relative KmID>@<MAF-FQDN>} (TS-0003 10.6, contract section 8): the
 * {@code psk_identity} of the PSK-based MAF Handshake (8.8.2.2). The relative part is case-insensitive; its canonical
 * form is upper case (as RelativeKeyIDs are written), the MAF-FQDN's is lower case.
 */
public record KmId(String relative, String mafFqdn) {

    /** Letters, digits and {@code - _ .}: what a factory writes into a device, and what a URL path carries unescaped. */
    private static final Pattern RELATIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final String EXAMPLE = "DEVICE-0001@maf.my.m2mprovider.org";

    public static KmId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no KmID");
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("a KmID has the form <relative KmID>@<MAF-FQDN>");
        }
        String relative = text.substring(0, at);
        String fqdn = text.substring(at + 1);
        if (!RELATIVE.matcher(relative).matches()) {
            throw new IllegalArgumentException("the relative KmID must be 1 to 64 letters, digits, '-', '_' or '.',"
                    + " starting with a letter or digit");
        }
        if (!Fqdn.isValid(fqdn)) {
            throw new IllegalArgumentException("the part after '@' must be the MAF-FQDN");
        }
        return new KmId(relative.toUpperCase(Locale.ROOT), fqdn.toLowerCase(Locale.ROOT));
    }

    public boolean isIssuedBy(String fqdn) {
        return mafFqdn.equalsIgnoreCase(fqdn);
    }

    @Override
    public String toString() {
        return relative + "@" + mafFqdn;
    }
}
