package org.openmaf.crypto;

import java.security.Security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.bouncycastle.math.ec.rfc7748.X25519;
import org.jboss.logging.Logger;
import org.openmaf.config.MafConfig;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Puts the Amazon Corretto Crypto Provider (ACCP, on AWS-LC) ahead of the JDK's providers, so the JDK's TLS handshakes
 * verify and sign ECDSA in native code: the JDK's own P-256 arithmetic verified about 2,400 signatures a second on one
 * core of the benchmark machine, ACCP about 23,800, and the handshake is most of a key registration's cost (issue 12).
 * AES-GCM (records, sealed keys), RSA and the digests come from it too; the TLS key schedule and the exporter stay the
 * JDK's. ACCP has no X25519, the handshakes' key exchange, so {@link X25519Provider} (BouncyCastle's, in Java, more than
 * twice the JDK's speed) goes ahead of the JDK's for that. {@code maf.crypto.native-provider=false} keeps the JDK's
 * providers only. Where the native library cannot load (another platform than Linux x86-64, no writable temporary
 * directory), the MAF says so and runs on the JDK's providers and the X25519 one: slower handshakes, nothing else
 * changes.
 */
@ApplicationScoped
public class NativeCrypto {

    private static final Logger LOG = Logger.getLogger(NativeCrypto.class);
    private static final X25519Provider X25519_PROVIDER = new X25519Provider();

    @Inject
    MafConfig config;

    /** Before anything at start-up signs, seals or shakes hands; the HTTPS endpoint opens after every start-up step. */
    void installAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 2) StartupEvent start) {
        if (!config.crypto().nativeProvider()) {
            LOG.info("Native crypto off (maf.crypto.native-provider=false): the JDK's providers serve");
            return;
        }
        // BouncyCastle builds its X25519 tables on first use, about 150 ms of a cold JVM's CPU that the first handshake
        // would wait for (start-up is measured to the first answered TLS request, issue 12): built on a thread of its
        // own while the rest of the start-up runs. A handshake that comes sooner waits for them (built once, locked).
        Thread.ofPlatform().name("maf-x25519-tables").daemon().start(X25519::precompute);
        // First now, second once ACCP goes first below (ACCP has no XDH): either way ahead of SunEC, whose X25519 it
        // replaces. On a later start in the same JVM (tests) both are there already and stay where they are.
        Security.insertProviderAt(X25519_PROVIDER, 1);
        Throwable loadingError = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        if (loadingError != null) {
            LOG.warnf("Native crypto (ACCP) cannot load here (%s): the JDK's providers serve, with slower handshakes",
                    loadingError.getMessage());
            return;
        }
        AmazonCorrettoCryptoProvider.install();
        LOG.infof("Native crypto: %s %s (AWS-LC %s) ahead of the JDK's providers, X25519 by %s",
                Security.getProviders()[0].getName(), AmazonCorrettoCryptoProvider.INSTANCE.getVersionStr(),
                AmazonCorrettoCryptoProvider.INSTANCE.getAwsLcVersionStr(), X25519Provider.NAME);
    }

    /** Whether the JDK's TLS computes X25519 with {@link X25519Provider}. */
    static boolean x25519Installed() {
        return Security.getProvider(X25519Provider.NAME) == X25519_PROVIDER;
    }

    /** Whether the native provider is the first one asked. */
    public static boolean installed() {
        return Security.getProviders()[0] == AmazonCorrettoCryptoProvider.INSTANCE;
    }
}
