package org.openmaf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateRevokedException;
import java.util.Date;
import java.util.Map;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.openmaf.tls.HandshakeFailures.Reason;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

/**
 * The reasons a failed handshake is counted under, as the JDK and Netty report them (MetricsDashboardTest drives the
 * ones a client can cause over a real connection: certificate, protocol version, cipher suite, not TLS, closed).
 */
class HandshakeFailuresTest {

    @Test
    void theTrustManagersExceptionUnderTheHandshakeExceptionNamesTheCertificateReason() {
        var revoked = new CertificateRevokedException(new Date(), CRLReason.KEY_COMPROMISE, new X500Principal("CN=ca"), Map.of());
        assertThat(HandshakeFailures.reasonOf(handshake("PKIX path validation failed", revoked))).isEqualTo(Reason.REVOKED_CERTIFICATE);
        assertThat(HandshakeFailures.reasonOf(handshake("PKIX path validation failed", new CertificateExpiredException())))
                .isEqualTo(Reason.UNTRUSTED_CERTIFICATE);
    }

    @Test
    void versionAndSuiteMismatchesAreReadFromTheJdksMessages() {
        assertThat(HandshakeFailures.reasonOf(new SSLHandshakeException("The client supported protocol versions [TLSv1.1]"
                + " are not accepted by server preferences [TLSv1.3, TLSv1.2]"))).isEqualTo(Reason.PROTOCOL_VERSION);
        assertThat(HandshakeFailures.reasonOf(new SSLHandshakeException("Client requested protocol TLSv1 is not enabled or"
                + " supported in server context"))).isEqualTo(Reason.PROTOCOL_VERSION);
        assertThat(HandshakeFailures.reasonOf(new SSLHandshakeException("no cipher suites in common")))
                .isEqualTo(Reason.NO_SHARED_CIPHER);
    }

    @Test
    void nettysOwnFailuresAndWhatIsLeft() {
        assertThat(HandshakeFailures.reasonOf(new NotSslRecordException("not an SSL/TLS record"))).isEqualTo(Reason.NOT_TLS);
        assertThat(HandshakeFailures.reasonOf(new SslHandshakeTimeoutException("handshake timed out after 10000ms")))
                .isEqualTo(Reason.TIMEOUT);
        assertThat(HandshakeFailures.reasonOf(new ClosedChannelException())).isEqualTo(Reason.CLOSED);
        assertThat(HandshakeFailures.reasonOf(new SSLException("Connection closed while SSL/TLS handshake was in progress")))
                .isEqualTo(Reason.CLOSED);
        assertThat(HandshakeFailures.reasonOf(new SSLHandshakeException("Received fatal alert: decrypt_error")))
                .isEqualTo(Reason.OTHER);
        assertThat(HandshakeFailures.reasonOf(null)).isEqualTo(Reason.OTHER);
    }

    private static SSLHandshakeException handshake(String message, Exception cause) {
        SSLHandshakeException failure = new SSLHandshakeException(message);
        failure.initCause(cause);
        return failure;
    }
}
