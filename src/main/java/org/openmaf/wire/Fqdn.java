package org.openmaf.wire;

import java.util.Locale;

/**
 * A fully qualified domain name as the MAF interface uses them (MAF-FQDN, adminFQDN, a client's fqdn, and the SP-ID
 * of a client ID): dot-separated labels of letters, digits and hyphens (RFC 1123 2.1), each 1 to 63 characters, not
 * starting or ending with a hyphen, at most 253 characters in all, no trailing dot. Underscores are refused: they are
 * not in host names. DNS names compare case-insensitively ({@link #sameAs}); the value keeps the case it was given.
 */
public record Fqdn(String value) {

    /** The largest FQDN, RFC 1035 2.3.4 (without the trailing dot). */
    public static final int MAX_LENGTH = 253;

    /** The longest label, RFC 1035 2.3.4. */
    static final int MAX_LABEL_LENGTH = 63;

    static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0," + (MAX_LABEL_LENGTH - 2) + "}[A-Za-z0-9])?";
    /**
     * Without the length limit, to be embedded in other patterns ({@link ClientId}). {@link #isValid} scans instead of
     * matching it: every request checks FQDNs, and this pattern's nested repetitions backtracked through 3 % of the
     * MAF's CPU under retrieval load (issue 12). FqdnScanTest holds the two to the same language.
     */
    static final String PATTERN = LABEL + "(?:\\." + LABEL + ")*";

    public Fqdn {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an FQDN (letters, digits, '-' and '.', e.g. my.m2mprovider.org): " + value);
        }
    }

    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (!isLabel(text, labelStart, i)) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** text[start, end) is 1 to 63 letters, digits and hyphens (checked by the caller) that neither starts nor ends with '-'. */
    private static boolean isLabel(String text, int start, int end) {
        return end > start && end - start <= MAX_LABEL_LENGTH && text.charAt(start) != '-' && text.charAt(end - 1) != '-';
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
