package org.openmaf.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

/**
 * Start-up (issue 12: to the first answered TLS request): Vert.x builds the HTTPS server's Netty context when the first
 * client connects ({@link WatchedJdkEngine}), and the first use of Netty's {@code JdkSslContext} initializes that
 * class, which builds the JDK's default TLS context to learn its protocols and suites, loading the JDK's CA
 * certificates on the way. That work depends on nothing configured, so it is done here, on a thread of its own, while
 * Flyway, Hibernate and the start-up checks run on the main thread, and the first client does not wait for it.
 */
@ApplicationScoped
class TlsWarmUp {

    private static final Logger LOG = Logger.getLogger(TlsWarmUp.class);
    /** Netty's JDK context, whose static initializer builds the JDK's default TLS context. */
    static final String NETTY_JDK_CONTEXT = "io.netty.handler.ssl.JdkSslContext";

    void whenTheContainerStarts(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Thread.ofPlatform().name("maf-tls-warm-up").daemon().start(TlsWarmUp::initializeNettyContext);
    }

    private static void initializeNettyContext() {
        try {
            Class.forName(NETTY_JDK_CONTEXT, true, TlsWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Only a cost moved back onto the first connection, which initializes the class (and reports) itself.
            LOG.debugf("TLS warm-up skipped: %s", e);
        }
    }
}
