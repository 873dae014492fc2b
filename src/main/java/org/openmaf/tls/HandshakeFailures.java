package org.openmaf.tls;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateRevokedException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

/**
 * {@code maf_tls_handshake_failures_total{reason}}: HTTPS handshakes that did not complete, told by the TLS handler of
 * each connection ({@link WatchedJdkEngine}). Certificate refusals are also counted, with the other refused requests,
 * in {@code maf_refusals_total{reason="untrusted-certificate"}}; this counter adds what fails before any request can:
 * an old protocol version, no cipher suite in common, a peer that is not speaking TLS or leaves mid-handshake.
 * The reasons are a fixed set, so a hostile peer cannot grow the metrics.
 */
final class HandshakeFailures {

    enum Reason {
        /** The client certificate does not chain to a trust anchor, or is expired (contract section 7). */
        UNTRUSTED_CERTIFICATE("untrusted-certificate"),
        /** A CRL lists the client certificate. */
        REVOKED_CERTIFICATE("revoked-certificate"),
        /** TLS 1.1 or older, or SSL (contract section 1: TLS 1.2 and 1.3 only). */
        PROTOCOL_VERSION("protocol-version"),
        /** None of the client's cipher suites is one the MAF accepts. */
        NO_SHARED_CIPHER("no-shared-cipher"),
        /** The peer sent something that is not a TLS record (plain HTTP to the HTTPS port, a scanner). */
        NOT_TLS("not-tls"),
        /** The handshake did not finish in time (the TLS handler's handshake timeout). */
        TIMEOUT("timeout"),
        /** The peer closed the connection before the handshake completed (a TCP probe, an aborting client). */
        CLOSED("closed"),
        /** Any other handshake failure (a bad message, an alert from the client). */
        OTHER("other");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    static final String METRIC = "maf.tls.handshake.failures";

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    HandshakeFailures(MeterRegistry registry) {
        for (Reason reason : Reason.values()) {
            counters.put(reason, Counter.builder(METRIC).tag("reason", reason.tag)
                    .description("TLS handshakes on the MAF endpoint that failed, by reason").register(registry));
        }
    }

    void failed(Throwable failure) {
        counters.get(reasonOf(failure)).increment();
    }

    /**
     * The JDK reports a refused certificate as the trust manager's exception under its SSLHandshakeException; version
     * and suite mismatches only in the message, whose wording (sun.security.ssl) has been stable across releases.
     */
    static Reason reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateRevokedException) {
                return Reason.REVOKED_CERTIFICATE;
            }
            if (cause instanceof CertificateException) {
                return Reason.UNTRUSTED_CERTIFICATE;
            }
            if (cause instanceof NotSslRecordException) {
                return Reason.NOT_TLS;
            }
            if (cause instanceof SslHandshakeTimeoutException) {
                return Reason.TIMEOUT;
            }
            if (cause instanceof ClosedChannelException) {
                return Reason.CLOSED;
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("cipher suites in common") || message.contains("no appropriate cipher")) {
                return Reason.NO_SHARED_CIPHER;
            }
            if (message.contains("protocol") && (message.contains("not enabled") || message.contains("not supported")
                    || message.contains("not accepted") || message.contains("inappropriate"))) {
                return Reason.PROTOCOL_VERSION;
            }
            if (message.contains("closed")) {
                return Reason.CLOSED;
            }
        }
        return Reason.OTHER;
    }
}
