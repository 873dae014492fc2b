package org.openmaf.client;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the MAF's TLS-PSK listener is and which pre-provisioned Master Credential this client holds (TS-0003 8.8.2.2,
 * contract section 8): {@code https://host:port} of {@code maf.psk.port} (default 8444), the MAF-FQDN (may be null, as
 * in {@link MafClientSettings}), the KmID ({@code psk_identity}) and Km ({@code psk}). No certificates on either side:
 * Km authenticates both ends.
 */
public record MafPskSettings(URI mafUri, String mafFqdn, String kmId, byte[] km, Duration timeout) {

    public static final int DEFAULT_PORT = 8444;

    public MafPskSettings {
        Objects.requireNonNull(mafUri, "mafUri");
        if (!"https".equalsIgnoreCase(mafUri.getScheme()) || mafUri.getHost() == null) {
            throw new IllegalArgumentException("the MAF's PSK listener is reached over TLS: expected https://host:port, got "
                    + mafUri);
        }
        if (mafFqdn != null && mafFqdn.isBlank()) {
            mafFqdn = null;
        }
        if (kmId == null || kmId.isBlank() || kmId.indexOf('@') < 1) {
            throw new IllegalArgumentException("the PSK identity is a KmID, <relative KmID>@<MAF-FQDN>");
        }
        if (km == null || km.length < 16 || km.length > 64) {
            throw new IllegalArgumentException("Km has 16 to 64 bytes");
        }
        km = km.clone();
        timeout = timeout == null ? MafClientSettings.DEFAULT_TIMEOUT : timeout;
    }

    public String host() {
        return mafUri.getHost();
    }

    public int port() {
        return mafUri.getPort() < 0 ? DEFAULT_PORT : mafUri.getPort();
    }

    @Override
    public byte[] km() {
        return km.clone();
    }

    String basePath() {
        String path = mafUri.getRawPath() == null ? "" : mafUri.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MafPskSettings that && mafUri.equals(that.mafUri) && Objects.equals(mafFqdn, that.mafFqdn)
                && kmId.equals(that.kmId) && Arrays.equals(km, that.km) && timeout.equals(that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mafUri, mafFqdn, kmId, timeout);
    }

    @Override
    public String toString() {
        return "MafPskSettings[mafUri=" + mafUri + ", mafFqdn=" + mafFqdn + ", kmId=" + kmId + "]";
    }
}
