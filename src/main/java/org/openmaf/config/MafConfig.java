package org.openmaf.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The MAF's configuration (contract section 5). Settings without a default are required: in the production profile
 * the MAF refuses to start and names each one that is missing. Only the dev profile generates them.
 */
@ConfigMapping(prefix = "maf")
public interface MafConfig {

    /** MAF-FQDN: used in Key Identifiers (TS-0003 10.3.5) and checked against {@code mafFQDN} in requests. */
    String fqdn();

    Tls tls();

    Http http();

    Psk psk();

    Crypto crypto();

    Admin admin();

    /** Administrating stakeholders from configuration, keyed by adminFQDN; applied to the database at start-up. */
    Map<String, Stakeholder> stakeholders();

    /** How often expired registrations and keys are deleted (they behave as absent from the instant they expire). */
    @WithDefault("60s")
    Duration purgeInterval();

    Audit audit();

    interface Audit {
        /** How long audit records are kept (contract section 6); older ones are purged on the purge schedule. */
        @WithDefault("P400D")
        Duration retention();
    }

    interface Tls {
        /** PEM certificate chain of the MAF endpoint. */
        String serverCert();

        /** PEM private key of the MAF endpoint. */
        String serverKey();

        /** PEM file(s) of the CAs that MAF client certificates must chain to. */
        List<String> trustAnchors();

        /** CRL files (PEM or DER) issued by those CAs; a certificate they list fails the handshake (contract section 7). */
        Optional<List<String>> crls();

        /** How often the server certificate and key, the trust anchors and the CRLs are re-read from their files. */
        @WithDefault("PT1M")
        Duration reloadPeriod();

        /**
         * How many connections without a client certificate (browsers, health probes, metric scrapers) may be open at
         * once (contract section 6); further ones are closed right after the handshake.
         */
        @WithDefault("100")
        int maxUnauthenticatedConnections();
    }

    interface Psk {
        /**
         * Port of the PSK-based MAF Handshake's TLS-PSK listener (contract section 8), on {@code quarkus.http.host};
         * {@code 0} disables it.
         */
        @WithDefault("8444")
        int port();
    }

    interface Http {
        /**
         * How long a request's headers may take to arrive: from the end of the handshake for a connection's first
         * request, from its first byte for later ones (contract section 6). Idle time between requests is
         * {@code quarkus.http.idle-timeout}.
         */
        @WithDefault("10s")
        Duration headerTimeout();
    }

    interface Admin {
        /**
         * How long after its {@code iat} an admin token is accepted, whatever its {@code exp}; a token valid for longer
         * than this is refused outright (contract section 7).
         */
        @WithDefault("PT12H")
        Duration maxTokenAge();
    }

    interface Crypto {
        /** Base64 of the 32-byte key-encryption key (AES-256-GCM) that protects stored key values. */
        String kek();

        /** Name of that KEK, stored beside each ciphertext so the KEK can rotate. */
        @WithDefault("k1")
        String kekId();

        /** Older KEKs (base64), by id, still accepted for decryption. */
        Map<String, String> previousKeks();

        /**
         * Whether the Amazon Corretto Crypto Provider (native AWS-LC) goes ahead of the JDK's providers for the TLS
         * handshakes' signatures and the AES-GCM of records and stored keys, and BouncyCastle's X25519 for their key
         * exchange ({@code org.openmaf.crypto.NativeCrypto}); false keeps the JDK's providers only.
         */
        @WithDefault("true")
        boolean nativeProvider();
    }

    interface Stakeholder {
        /** Client ID patterns (exact, or ending in '*') allowed to register for this stakeholder. */
        List<String> authorizedClients();

        @WithDefault("P365D")
        Duration maxRegistrationLifetime();

        @WithDefault("P7D")
        Duration maxKeyLifetime();

        /** How many valid keys one source client may hold for this stakeholder (contract section 7). */
        @WithDefault("1000")
        int maxKeysPerClient();
    }
}
