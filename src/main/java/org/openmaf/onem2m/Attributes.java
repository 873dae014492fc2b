package org.openmaf.onem2m;

import org.openmaf.wire.M2mTimestamp;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Checks of request attributes shared by the procedures; each failure is a 4000 a client developer can act on. */
public final class Attributes {

    public static final int MAX_LABELS = 32;
    public static final int MAX_LABEL_LENGTH = 255;

    private Attributes() {
    }

    public static <T> T required(T value, String resource, String attribute) {
        if (value == null) {
            throw MafException.badRequest(resource + ": attribute '" + attribute + "' is required.");
        }
        return value;
    }

    /** The request body's root member, present. */
    public static <T> T root(T body, String root) {
        if (body == null) {
            throw MafException.badRequest("The body must be a JSON object with the root member '" + root + "'.");
        }
        return body;
    }

    public static List<String> labels(List<String> labels, String resource) {
        if (labels == null) {
            return null;
        }
        if (labels.size() > MAX_LABELS) {
            throw MafException.badRequest(resource + ": at most " + MAX_LABELS + " labels are accepted.");
        }
        for (String label : labels) {
            if (label == null || label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
                throw MafException.badRequest(resource + ": each label must be a non-empty string of at most "
                        + MAX_LABEL_LENGTH + " characters.");
            }
        }
        return List.copyOf(labels);
    }

    public static void futureExpiration(Instant expirationTime, Instant now, String resource) {
        if (expirationTime != null && !expirationTime.isAfter(now)) {
            throw MafException.badRequest(resource + ": expirationTime " + M2mTimestamp.format(expirationTime)
                    + " is not in the future.");
        }
    }

    /** TS-0003 8.8.2.3: the MAF-FQDN, when sent, must name this MAF. */
    public static void mafFqdn(String sent, String mafFqdn, String resource) {
        if (sent != null && !sent.toLowerCase(Locale.ROOT).equals(mafFqdn.toLowerCase(Locale.ROOT))) {
            throw MafException.badRequest(resource + ": mafFQDN '" + sent + "' does not name this MAF; its FQDN is '"
                    + mafFqdn + "'.");
        }
    }

    /** The earlier of the requested time and the stakeholder's cap; the cap when nothing was requested. */
    public static Instant capped(Instant requested, Instant cap) {
        return requested == null || requested.isAfter(cap) ? cap : requested;
    }
}
