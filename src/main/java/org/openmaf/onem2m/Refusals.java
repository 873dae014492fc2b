package org.openmaf.onem2m;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;

/**
 * Counts refused requests by reason ({@code maf_refusals_total{reason=...}} on the metrics endpoint). Refusals that
 * must not grow the database (contract section 6: peers that have not authenticated, requests the HTTP layer stops)
 * are only counted here; what is audited besides is decided where the refusal happens.
 */
@ApplicationScoped
public class Refusals {

    /** No client certificate, or one without a usable MAF client ID (4106). */
    public static final String UNAUTHENTICATED = "unauthenticated";
    /** A client certificate the trust anchors do not vouch for: the TLS handshake fails. */
    public static final String UNTRUSTED_CERTIFICATE = "untrusted-certificate";
    /** Refused before authentication (an unserved method or media type, bad JSON) from a peer with no client ID. */
    public static final String BEFORE_AUTHENTICATION = "before-authentication";
    /** Malformed percent-encoding, control characters, oversized URI or headers: stopped before any route. */
    public static final String MALFORMED_REQUEST = "malformed-request";
    /** A body over the 64 KiB limit. */
    public static final String BODY_TOO_LARGE = "body-too-large";
    /** /admin without a valid bearer token (401) or without the role (403). */
    public static final String ADMIN_UNAUTHENTICATED = "admin-unauthenticated";
    public static final String ADMIN_FORBIDDEN = "admin-forbidden";
    /** /admin requests refused with a 4xx by the admin API itself (bad input, unknown resource). */
    public static final String ADMIN_REFUSED = "admin-refused";

    static final String METRIC = "maf.refusals";

    @Inject
    MeterRegistry registry;

    public void counted(String reason) {
        registry.counter(METRIC, "reason", reason).increment();
    }

    /** Bearer tokens are the only credential the security layer checks (on /admin): a bad or missing one. */
    void authenticationFailed(@Observes AuthenticationFailureEvent event) {
        counted(ADMIN_UNAUTHENTICATED);
    }

    void authorizationFailed(@Observes AuthorizationFailureEvent event) {
        var identity = event.getSecurityIdentity();
        counted(identity == null || identity.isAnonymous() ? ADMIN_UNAUTHENTICATED : ADMIN_FORBIDDEN);
    }
}
