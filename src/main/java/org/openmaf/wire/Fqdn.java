package org.openmaf.wire;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fully qualified domain name as the MAF interface uses them (MAF-FQDN, adminFQDN, a client's fqdn, and the SP-ID
 * of a client ID): dot-separated labels of letters, digits and hyphens (RFC 1123 2.1), each 1 to 63 characters, not
 * starting or ending with a hyphen, at most 253 characters in all, no trailing dot. Underscores are refused: they are
 * not in host names. DNS names compare case-insensitively ({@link #sameAs}); the value keeps the case it was given.
 */
public record Fqdn(String value) {

    /** The largest FQDN, RFC 1035 2.3.4 (without the trailing dot). */
    public static final int MAX_LENGTH = 253;

    static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    /** Without the length limit, to be embedded in other patterns ({@link ClientId}). */
    static final String PATTERN = LABEL + "(?:\\." + LABEL + ")*";
    private static final Pattern FQDN = Pattern.compile(PATTERN);

    public Fqdn {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an FQDN (letters, digits, '-' and '.', e.g. my.m2mprovider.org): " + value);
        }
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && FQDN.matcher(text).matches();
    }

    public static Fqdn parse(String text) {
        return new Fqdn(text);
    }

    /** Whether {@code other} names the same host: DNS names are case-insensitive. */
    public boolean sameAs(String other) {
        return value.equalsIgnoreCase(other);
    }

    /** The lowercase form, for comparisons and keys. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
