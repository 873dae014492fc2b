package org.openmaf.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

/**
 * Start-up (issue 12: to the first answered TLS request): Vert.x builds the HTTPS server's Netty context when the first
 * client connects, and the first initialization of Netty's JDK server context probes for BouncyCastle, which is on the
 * class path for the PSK listener, by instantiating its JCE provider: about 800 classes from signed jars, which the
 * JDK's AOT cache does not hold, some 0.3 s on this project's 2-core reference machine. That work depends on nothing
 * configured, so it is done here, on a thread of its own, while Flyway, Hibernate and the start-up checks run on the
 * main thread, and the first client does not wait for it.
 */
@ApplicationScoped
class TlsWarmUp {

    private static final Logger LOG = Logger.getLogger(TlsWarmUp.class);
    /** Netty's JDK server context, whose static initializer does the probe. */
    static final String NETTY_JDK_SERVER_CONTEXT = "io.netty.handler.ssl.JdkSslServerContext";

    void whenTheContainerStarts(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Thread.ofPlatform().name("maf-tls-warm-up").daemon().start(TlsWarmUp::initializeNettyServerContext);
    }

    private static void initializeNettyServerContext() {
        try {
            Class.forName(NETTY_JDK_SERVER_CONTEXT, true, TlsWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Only a cost moved back onto the first connection, which initializes the class (and reports) itself.
            LOG.debugf("TLS warm-up skipped: %s", e);
        }
    }
}
