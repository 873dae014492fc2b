package org.openmaf.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The MAF endpoint's key manager for the lifetime of the server: each handshake uses the key and certificate chain
 * {@link ServerTlsMaterial} loaded last. The alias names the load it came from, so a handshake that chose its key just
 * before a reload gets that load's chain and key together, never a mix of old and new.
 */
final class ServerKeyManager extends X509ExtendedKeyManager {

    private static final char SEPARATOR = '|';

    private final ServerTlsMaterial material;

    ServerKeyManager(ServerTlsMaterial material) {
        this.material = material;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        TlsMaterial now = material.current();
        return tagged(now, now.serverKeys().chooseEngineServerAlias(keyType, issuers, engine));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        TlsMaterial now = material.current();
        return tagged(now, now.serverKeys().chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        TlsMaterial now = material.current();
        String[] aliases = now.serverKeys().getServerAliases(keyType, issuers);
        return aliases == null ? null : Arrays.stream(aliases).map(alias -> tagged(now, alias)).toArray(String[]::new);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        TlsMaterial from = materialOf(alias);
        return from == null ? null : from.serverKeys().getCertificateChain(untagged(alias));
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        TlsMaterial from = materialOf(alias);
        return from == null ? null : from.serverKeys().getPrivateKey(untagged(alias));
    }

    /** The MAF endpoint never acts as a TLS client. */
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    private static String tagged(TlsMaterial material, String alias) {
        return alias == null ? null : material.generation() + String.valueOf(SEPARATOR) + alias;
    }

    private TlsMaterial materialOf(String alias) {
        int separator = alias == null ? -1 : alias.indexOf(SEPARATOR);
        if (separator <= 0) {
            return null;
        }
        try {
            return material.generation(Long.parseLong(alias.substring(0, separator)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String untagged(String alias) {
        return alias.substring(alias.indexOf(SEPARATOR) + 1);
    }
}
