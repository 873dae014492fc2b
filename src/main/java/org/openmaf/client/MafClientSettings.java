package org.openmaf.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the MAF is and who this client is (TS-0003 8.8.2.2 MAF Handshake with certificates): the MAF base URI
 * {@code https://host:port}, the MAF-FQDN used in Key Identifiers, this client's certificate chain and private key (PEM;
 * PKCS#8 or SEC1), and the trust anchors the MAF's certificate must chain to.
 * <p>
 * {@code mafFqdn} may be null: the MAF-FQDN need not be the host name the MAF is reached by, so without it the client
 * sends no {@code mafFQDN} and takes the FQDN from the Key Identifier the MAF returns. When set, it is sent and the
 * MAF's Key Identifiers must agree with it.
 * <p>
 * The identity may also be a PKCS#12 key store ({@link #withPkcs12}): then {@code certificateChain} is the PKCS#12 file
 * (told from PEM by its content) and {@code privateKey} the file whose first line is its password, so that the password
 * never appears on a command line or in the environment.
 */
public record MafClientSettings(URI mafUri, String mafFqdn, Path certificateChain, Path privateKey, List<Path> trustAnchors,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public MafClientSettings {
        Objects.requireNonNull(mafUri, "mafUri");
        if (!"https".equalsIgnoreCase(mafUri.getScheme()) || mafUri.getHost() == null) {
            throw new IllegalArgumentException("the MAF is reached over HTTPS only: expected https://host:port, got " + mafUri);
        }
        if (mafFqdn != null && mafFqdn.isBlank()) {
            mafFqdn = null;
        }
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        trustAnchors = List.copyOf(trustAnchors);
        if (trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust-anchor PEM file is needed to authenticate the MAF");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public MafClientSettings(URI mafUri, String mafFqdn, Path certificateChain, Path privateKey, List<Path> trustAnchors) {
        this(mafUri, mafFqdn, certificateChain, privateKey, trustAnchors, DEFAULT_TIMEOUT);
    }

    /** This client's certificate chain and private key from a PKCS#12 file, e.g. the dev PKI's {@code ae-smartphone.p12}. */
    public static MafClientSettings withPkcs12(URI mafUri, String mafFqdn, Path pkcs12, Path passwordFile, List<Path> trustAnchors) {
        return new MafClientSettings(mafUri, mafFqdn, pkcs12, passwordFile, trustAnchors);
    }

    public String host() {
        return mafUri.getHost();
    }

    public int port() {
        return mafUri.getPort() < 0 ? 443 : mafUri.getPort();
    }

    /** Base path of the MAF resources under the URI, without a trailing slash. */
    String basePath() {
        String path = mafUri.getRawPath() == null ? "" : mafUri.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
