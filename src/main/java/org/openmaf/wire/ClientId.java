package org.openmaf.wire;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MAF client ID: an Absolute CSE-ID or AE-ID {@code //SP-ID/id[/more]} (TS-0001 7.2), the one rule for every place
 * that takes one: the MAF procedures (targetIDs), the admin API, the IDs read from certificates and the client
 * library.
 * <ul>
 * <li>SP-ID, the M2M Service Provider ID, is a domain name (TS-0001 7.2), so it follows {@link Fqdn}: letters, digits,
 * '-' and '.', no '_'.</li>
 * <li>Each segment after it is one or more RFC 3986 {@code pchar}s without '%' and '*': letters, digits and
 * {@code - . _ ~ : @ ! $ & ' ( ) + , ; =}. No empty, '.' or '..' segment, no whitespace: contract section 7 refuses
 * these in IDs from certificates, and an ID accepted in one place must be usable in every other one. '*' stays free
 * for authorized-client patterns, '%' keeps one spelling per ID.</li>
 * <li>At most {@value #MAX_LENGTH} characters, the width of the client_id columns.</li>
 * </ul>
 * The value is canonical: the SP-ID, a domain name and so case-insensitive, is lowercased (contract section 7), so
 * that {@code //SP.example/x} and {@code //sp.example/x} are one client everywhere: in certificates, bindings, targetIDs
 * and authorized-client patterns. The rest is case-sensitive (TS-0001 7.2) and stays as given.
 */
public record ClientId(String value) {

    public static final int MAX_LENGTH = 512;

    /** An example for messages. */
    public static final String EXAMPLE = "//my.m2mprovider.org/mn-cse-123456";

    private static final String SEGMENT = "(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~:@!$&'()+,;=-]+";
    private static final Pattern ABSOLUTE_ID = Pattern.compile("//" + Fqdn.PATTERN + "(?:/" + SEGMENT + ")+");

    public ClientId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an absolute CSE-ID or AE-ID //SP-ID/id (e.g. " + EXAMPLE + ")");
        }
        value = lowercaseSpId(value);
    }

    /** The canonical form of a valid client ID: its SP-ID lowercased. */
    public static String canonical(String text) {
        return new ClientId(text).value();
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= MAX_LENGTH && ABSOLUTE_ID.matcher(text).matches()
                && Fqdn.isValid(spIdOf(text));
    }

    public static ClientId parse(String text) {
        return new ClientId(text);
    }

    /** The SP-ID, e.g. {@code my.m2mprovider.org}. */
    public String spId() {
        return spIdOf(value);
    }

    private static String lowercaseSpId(String text) {
        int end = text.indexOf('/', 2);
        return "//" + text.substring(2, end).toLowerCase(Locale.ROOT) + text.substring(end);
    }

    private static String spIdOf(String text) {
        int end = text.indexOf('/', 2);
        return text.substring(2, end);
    }

    @Override
    public String toString() {
        return value;
    }
}
