package org.openmaf.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.openmaf.onem2m.MafException;
import org.openmaf.registration.ClientPattern;
import org.openmaf.wire.ClientId;
import org.openmaf.wire.Fqdn;
import org.openmaf.wire.M2mTimestamp;

/**
 * Checks of what operators send; each failure is a 4000 that names the field and what it must look like. Messages
 * echo only identifiers, never free-form values.
 */
final class AdminInput {

    /** Longer than any stakeholder would allow, short enough that now + lifetime stays a valid instant. */
    static final Duration MAX_LIFETIME = Duration.ofDays(36_500);
    /** The width of the client_id columns. */
    static final int MAX_CLIENT_ID = ClientId.MAX_LENGTH;

    /** A quota no deployment needs more of, and small enough to keep one source from filling the store. */
    static final int MAX_KEYS_PER_CLIENT = 1_000_000;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    private AdminInput() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw MafException.badRequest("'" + field + "' is required.");
        }
        return value;
    }

    static <T> T body(T body) {
        if (body == null) {
            throw MafException.badRequest("This request needs a JSON body.");
        }
        return body;
    }

    static String fqdn(String value, String field) {
        if (!Fqdn.isValid(value)) {
            throw MafException.badRequest("'" + field + "' must be a fully qualified domain name, e.g. my.m2mprovider.org.");
        }
        return value;
    }

    /** A client ID, in its canonical form (contract section 7) so that it matches what certificates yield. */
    static String clientId(String value, String field) {
        if (!ClientId.isValid(value)) {
            throw MafException.badRequest("'" + field + "' must be an absolute CSE-ID or AE-ID of the form //SP-ID/id"
                    + " (SP-ID a domain name; at most " + MAX_CLIENT_ID + " characters, no '%', '*', space or empty, '.'"
                    + " or '..' segment), e.g. " + ClientId.EXAMPLE + ".");
        }
        return ClientId.canonical(value);
    }

    static List<String> clientIds(List<String> values, String field) {
        return required(values, field).stream().map(value -> clientId(value, field + "[]")).toList();
    }

    /**
     * Authorized client patterns ({@link ClientPattern}): a client ID, or the start of one ending in '*' (e.g.
     * //my.m2mprovider.org/*), stored in canonical form.
     */
    static List<String> clientPatterns(List<String> patterns, String field) {
        return required(patterns, field).stream().map(pattern -> ClientPattern.canonical(pattern).orElseThrow(
                () -> MafException.badRequest("Each of '" + field + "' must be a client ID //SP-ID/id, or the start of one"
                        + " up to at least the '/' after the SP-ID, ending in '*' (e.g. //my.m2mprovider.org/*); no '%',"
                        + " space, or empty, '.' or '..' segment."))).toList();
    }

    /** The quota of valid keys per source client; between 1 and {@value #MAX_KEYS_PER_CLIENT}. */
    static int maxKeysPerClient(Integer value, String field) {
        if (value == null || value < 1 || value > MAX_KEYS_PER_CLIENT) {
            throw MafException.badRequest("'" + field + "' must be a whole number from 1 to " + MAX_KEYS_PER_CLIENT + ".");
        }
        return value;
    }

    static Duration lifetime(String value, String field) {
        Duration lifetime;
        try {
            lifetime = Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw MafException.badRequest("'" + field + "' must be an ISO 8601 duration, e.g. P7D or PT12H.");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw MafException.badRequest("'" + field + "' must be positive and at most P36500D.");
        }
        return lifetime;
    }

    /** Lowercase hex SHA-256; also accepts the upper-case, colon-separated form {@code openssl x509 -fingerprint} prints. */
    static String fingerprint(String value, String field) {
        String normalized = value == null ? "" : value.strip().replace(":", "").toLowerCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(normalized).matches()) {
            throw MafException.badRequest("'" + field + "' must be the certificate's SHA-256 fingerprint: 64 hex digits"
                    + " (colons allowed), e.g. from openssl x509 -noout -fingerprint -sha256.");
        }
        return normalized;
    }

    static Instant timestamp(String value, String field) {
        if (value == null) {
            return null;
        }
        return M2mTimestamp.parse(value).orElseThrow(() -> MafException.badRequest("'" + field + "' must be "
                + M2mTimestamp.describeExpected() + "."));
    }

    static Integer integer(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw MafException.badRequest("'" + field + "' must be a whole number.");
        }
    }

    /** ISO 8601, in whole days when it is whole days (P7D rather than PT168H), as operators write it. */
    static String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }
}
