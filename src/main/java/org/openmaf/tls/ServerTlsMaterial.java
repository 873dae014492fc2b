package org.openmaf.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import org.openmaf.config.MafSettings;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The MAF endpoint's key, certificate, trust anchors and CRLs, re-read every {@code maf.tls.reload-period} (contract
 * section 7) so that a renewed server certificate is served, and a newly revoked client certificate refused, on new
 * handshakes without a restart.
 * <p>
 * The files are read by the Quarkus TLS registry (the {@code quarkus.tls.maf.*} settings {@code maf.tls.*} is wired to,
 * including {@code quarkus.tls.maf.certificate-revocation-list}). Its own periodic reload
 * ({@code quarkus.tls.maf.reload-period}) is not used: it hands the HTTP server fresh SSL options, which would drop the
 * {@link FullHandshakeTrustManager} the exporter depends on. Here the server keeps its key and trust managers, and they
 * consult whatever this class loaded last.
 */
@Singleton
public class ServerTlsMaterial {

    private static final Logger LOG = Logger.getLogger(ServerTlsMaterial.class);

    /** Looked up when first needed: the /maf request filter that injects this class is created before the registry. */
    @Inject
    Instance<TlsConfigurationRegistry> registry;

    @Inject
    Instance<Vertx> vertx;

    private volatile TlsMaterial current;
    /** The one before: a handshake that chose its key just before a reload still finds its chain. */
    private volatile TlsMaterial previous;
    private String currentDigest;

    /** What the endpoint starts with: the registry's configuration as Quarkus loaded it. */
    synchronized TlsMaterial initial() {
        if (current == null) {
            try {
                install(load(tlsConfiguration()));
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalStateException("cannot load the MAF endpoint's TLS material (maf.tls.*): " + e.getMessage(), e);
            }
        }
        return current;
    }

    @Scheduled(every = "${maf.tls.reload-period:PT1M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void reload() {
        if (current == null) {
            return;
        }
        try {
            TlsConfiguration configuration = tlsConfiguration();
            if (!configuration.reload()) {
                LOG.warn("The MAF endpoint's TLS files (maf.tls.*) could not be re-read; the current ones stay in use.");
                return;
            }
            install(load(configuration));
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warnf("The MAF endpoint's TLS files (maf.tls.*) were not reloaded, the current ones stay in use: %s",
                    e.getMessage());
        }
    }

    TlsMaterial current() {
        return current;
    }

    TlsMaterial generation(long generation) {
        TlsMaterial now = current;
        if (now != null && now.generation() == generation) {
            return now;
        }
        TlsMaterial before = previous;
        return before != null && before.generation() == generation ? before : null;
    }

    private TlsConfiguration tlsConfiguration() {
        return registry.get().get(MafSettings.TLS_CONFIGURATION)
                .orElseThrow(() -> new IllegalStateException("no TLS configuration '" + MafSettings.TLS_CONFIGURATION + "'"));
    }

    private TlsMaterial load(TlsConfiguration configuration) throws GeneralSecurityException {
        if (configuration.getKeyStoreOptions() == null || configuration.getTrustStoreOptions() == null) {
            throw new GeneralSecurityException("maf.tls.server-cert, maf.tls.server-key and maf.tls.trust-anchors are needed");
        }
        List<byte[]> crls = configuration.getSSLOptions().getCrlValues().stream().map(Buffer::getBytes).toList();
        try {
            return TlsMaterial.of(current == null ? 1 : current.generation() + 1,
                    configuration.getKeyStoreOptions().getKeyManagerFactory(vertx.get()).getKeyManagers(),
                    configuration.getTrustStoreOptions().getTrustManagerFactory(vertx.get()).getTrustManagers(), crls);
        } catch (GeneralSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    /** Installs what was loaded, unless it is what is in use already (most reloads change nothing). */
    private void install(TlsMaterial loaded) throws GeneralSecurityException {
        String digest = digest(loaded);
        if (digest.equals(currentDigest)) {
            return;
        }
        boolean first = current == null;
        previous = current;
        current = loaded;
        currentDigest = digest;
        X509Certificate server = loaded.serverCertificate().orElse(null);
        LOG.infof("MAF endpoint TLS %s: server certificate serial %s (valid until %s), %d trust anchor(s), %d CRL(s)",
                first ? "loaded" : "reloaded", server == null ? "?" : server.getSerialNumber().toString(16),
                server == null ? "?" : server.getNotAfter().toInstant(), loaded.trustAnchors().getAcceptedIssuers().length,
                loaded.crls().size());
    }

    private static String digest(TlsMaterial material) throws GeneralSecurityException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String alias : TlsMaterial.serverAliases(material.serverKeys())) {
            for (X509Certificate certificate : material.serverKeys().getCertificateChain(alias)) {
                sha.update(certificate.getEncoded());
            }
            sha.update(material.serverKeys().getPrivateKey(alias).getEncoded());
        }
        for (X509Certificate anchor : material.trustAnchors().getAcceptedIssuers()) {
            sha.update(anchor.getEncoded());
        }
        for (X509CRL crl : material.crls()) {
            sha.update(crl.getEncoded());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
