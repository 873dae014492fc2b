package org.openmaf.client;

import org.openmaf.wire.KeyIdentifier;
import org.openmaf.wire.MafNames;
import org.openmaf.wire.ConnectionKeys;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A MAF client (TS-0003 8.8): MAF Client Registration, Configuration Retrieval, Update and De-Registration
 * (8.8.2.3 to 8.8.2.6) and MAF Key Registration, Retrieval, Update and De-Registration (8.8.2.7 to 8.8.2.10), over the
 * HTTPS/JSON binding of MAF-CONTRACT, over mutually authenticated TLS connections. A key registration has a new
 * connection of its own (its Kc is that connection's exporter); reads (GET) reuse connections kept alive between them
 * ({@link IdleConnections}), and the other operations have a connection each. Thread-safe; key material is never logged.
 * {@link #close()} closes the connections kept alive.
 */
public final class MafClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MafClient.class.getName());
    private static final String CLIENT_REGS = MafNames.CLIENT_REGS;
    private static final String KEY_REGS = MafNames.KEY_REGS;

    private final MafClientSettings settings;
    private final SSLContext tls;
    /** Set instead of {@link #settings} for a PSK-only client (PSK-based MAF Handshake, contract section 8). */
    private final MafPskSettings psk;
    private final IdleConnections idle = new IdleConnections();

    private MafClient(MafClientSettings settings, SSLContext tls, MafPskSettings psk) {
        this.settings = settings;
        this.tls = tls;
        this.psk = psk;
    }

    /**
     * A client that authenticates with a pre-provisioned Km (TS-0003 8.8.2.2) on the MAF's TLS-PSK listener instead of
     * a certificate; the same procedures, and key registration derives Kc from that PSK connection's exporter.
     */
    public static MafClient createWithPsk(MafPskSettings settings) {
        return new MafClient(null, null, java.util.Objects.requireNonNull(settings, "settings"));
    }

    private MafConnection connect() throws IOException {
        return psk != null ? MafConnection.openPsk(psk) : MafConnection.open(settings, tls);
    }

    private String mafFqdn() {
        return psk != null ? psk.mafFqdn() : settings.mafFqdn();
    }

    /** Loads the certificate, key and trust anchors named in the settings; fails early if they are unusable. */
    public static MafClient create(MafClientSettings settings) throws IOException {
        return new MafClient(settings, ClientTlsContext.create(settings), null);
    }

    /** The certificate client's settings; null for a client made by {@link #createWithPsk}. */
    public MafClientSettings settings() {
        return settings;
    }

    // ---- MAF Client Registration (8.8.2.3 to 8.8.2.6) ----

    /** Registers this client for the stakeholder {@code adminFqdn}; {@code expirationTime} and {@code labels} may be null. */
    public MafClientRegistration register(String adminFqdn, Instant expirationTime, List<String> labels) throws IOException {
        MafJson.Body body = MafJson.newBody(MafJson.CLIENT_REG);
        body.attributes().put(MafNames.ADMIN_FQDN, Objects.requireNonNull(adminFqdn, "adminFqdn"));
        MafJson.putTime(body.attributes(), MafNames.EXPIRATION_TIME, expirationTime);
        MafJson.putStrings(body.attributes(), MafNames.LABELS, labels);
        putMafFqdn(body.attributes());
        JsonNode reg = call("POST", CLIENT_REGS, body, 201, MafJson.CLIENT_REG);
        return MafJson.clientRegistration(reg);
    }

    public MafClientRegistration retrieveRegistration(String mafClientRegId) throws IOException {
        return MafJson.clientRegistration(call("GET", CLIENT_REGS + "/" + segment(mafClientRegId), null, 200, MafJson.CLIENT_REG));
    }

    public MafClientConfiguration retrieveConfiguration(String mafClientRegId) throws IOException {
        String path = CLIENT_REGS + "/" + segment(mafClientRegId) + "/" + MafNames.CLIENT_CFG;
        return MafJson.clientConfiguration(call("GET", path, null, 200, MafJson.CLIENT_CFG));
    }

    /** Updates expiration and/or labels (null = unchanged); the result carries only what was sent. */
    public MafClientRegistration updateRegistration(String mafClientRegId, Instant expirationTime, List<String> labels) throws IOException {
        if (expirationTime == null && labels == null) {
            throw new IllegalArgumentException("an update needs an expirationTime or labels");
        }
        MafJson.Body body = MafJson.newBody(MafJson.CLIENT_REG);
        MafJson.putTime(body.attributes(), MafNames.EXPIRATION_TIME, expirationTime);
        MafJson.putStrings(body.attributes(), MafNames.LABELS, labels);
        return MafJson.clientRegistration(call("PUT", CLIENT_REGS + "/" + segment(mafClientRegId), body, 200, MafJson.CLIENT_REG));
    }

    public void deregister(String mafClientRegId) throws IOException {
        call("DELETE", CLIENT_REGS + "/" + segment(mafClientRegId), null, 200, null);
    }

    // ---- MAF Key Registration and friends (8.8.2.7 to 8.8.2.10) ----

    /**
     * MAF Key Registration with a key derived from the registration's own TLS connection (TS-0003 8.8.2.7, 10.3.1):
     * after the handshake both sides export KcID/Kc; the request goes over that same connection. The MAF's
     * RelativeKeyID must name our KcID, or the key is refused.
     */
    public RegisteredKey registerKey(KeyRegistrationRequest request) throws IOException {
        MafJson.Body body = keyRegistrationBody(request);
        try (MafConnection connection = connect()) {
            ConnectionKeys keys = connection.exportConnectionKeys();
            try {
                KeyMetadata metadata = MafJson.keyMetadata(expect(connection.exchange("POST", path(KEY_REGS), body.bytes()),
                        201, MafJson.SYMM_KEY_REG));
                if (!keys.matches(metadata.relativeKeyId())) {
                    throw MafClientException.local("the MAF registered RelativeKeyID " + metadata.relativeKeyId()
                            + " but this connection's KcID is " + keys.relativeKeyId()
                            + "; the keys differ, so the registered key is unusable (de-register it)");
                }
                return registered(keys.relativeKeyId(), keys.kc(), metadata);
            } finally {
                keys.destroy();
            }
        }
    }

    /**
     * MAF Key Registration of a key this client generated itself (16 to 64 bytes, sent as {@code keyValue}); the MAF
     * assigns a random RelativeKeyID.
     */
    public RegisteredKey registerOwnKey(KeyRegistrationRequest request, byte[] key) throws IOException {
        if (key == null || key.length < 16 || key.length > 64) {
            throw new IllegalArgumentException("a self-generated key has 16 to 64 bytes");
        }
        MafJson.Body body = keyRegistrationBody(request);
        MafJson.putKeyValue(body.attributes(), key);
        KeyMetadata metadata = MafJson.keyMetadata(call("POST", KEY_REGS, body, 201, MafJson.SYMM_KEY_REG));
        return registered(metadata.relativeKeyId(), key, metadata);
    }

    /** MAF Key Retrieval (8.8.2.8) as a target: {@code keyId} is a RelativeKeyID or a Key Identifier. */
    public RetrievedKey retrieveKey(String keyId) throws IOException {
        return MafJson.retrievedKey(call("GET", KEY_REGS + "/" + segment(keyId), null, 200, MafJson.SYMM_KEY_REG));
    }

    /** The source's own view of a key it registered: metadata, no key value. */
    public KeyMetadata retrieveKeyMetadata(String keyId) throws IOException {
        return MafJson.keyMetadata(call("GET", KEY_REGS + "/" + segment(keyId), null, 200, MafJson.SYMM_KEY_REG));
    }

    /** MAF Key Registration Update (8.8.2.9); null = unchanged; the result carries only what was sent. */
    public KeyMetadata updateKey(String keyId, Instant expirationTime, List<String> labels, List<String> targetIds) throws IOException {
        if (expirationTime == null && labels == null && targetIds == null) {
            throw new IllegalArgumentException("a key update needs an expirationTime, labels or targetIDs");
        }
        MafJson.Body body = MafJson.newBody(MafJson.SYMM_KEY_REG);
        MafJson.putTime(body.attributes(), MafNames.EXPIRATION_TIME, expirationTime);
        MafJson.putStrings(body.attributes(), MafNames.LABELS, labels);
        MafJson.putStrings(body.attributes(), MafNames.TARGET_IDS, targetIds);
        return MafJson.keyMetadata(call("PUT", KEY_REGS + "/" + segment(keyId), body, 200, MafJson.SYMM_KEY_REG));
    }

    /** MAF Key De-Registration (8.8.2.10). */
    public void deregisterKey(String keyId) throws IOException {
        call("DELETE", KEY_REGS + "/" + segment(keyId), null, 200, null);
    }

    // ---- plumbing ----

    private MafJson.Body keyRegistrationBody(KeyRegistrationRequest request) {
        MafJson.Body body = MafJson.newBody(MafJson.SYMM_KEY_REG);
        ObjectNode attributes = body.attributes();
        attributes.put(MafNames.ADMIN_FQDN, request.adminFqdn());
        attributes.put(MafNames.SUID, request.suid());
        MafJson.putStrings(attributes, MafNames.TARGET_IDS, request.targetIds());
        MafJson.putTime(attributes, MafNames.EXPIRATION_TIME, request.expirationTime());
        MafJson.putStrings(attributes, MafNames.LABELS, request.labels());
        putMafFqdn(attributes);
        return body;
    }

    /** {@code mafFQDN} is optional on the wire; sent only when configured, since the MAF refuses a wrong one (4000). */
    private void putMafFqdn(ObjectNode attributes) {
        if (mafFqdn() != null) {
            attributes.put(MafNames.MAF_FQDN, mafFqdn());
        }
    }

    /**
     * The Key Identifier (TS-0003 10.3.5) for a registered key: RelativeKeyID@MAF-FQDN, with the configured MAF-FQDN,
     * or else the one in the MAF's own Key Identifier. Either way it must agree with what the MAF returned, or an AE
     * would send a psk_identity no relying CSE can resolve.
     */
    private RegisteredKey registered(String relativeKeyId, byte[] psk, KeyMetadata metadata) throws MafClientException {
        KeyIdentifier identifier;
        try {
            if (mafFqdn() != null) {
                identifier = new KeyIdentifier(relativeKeyId, mafFqdn());
                if (metadata.keyIdentifier() != null && !metadata.keyIdentifier().equalsIgnoreCase(identifier.toString())) {
                    throw MafClientException.local("the MAF's Key Identifier " + metadata.keyIdentifier() + " is not " + identifier
                            + ": is the configured MAF-FQDN the MAF's own?");
                }
            } else if (metadata.keyIdentifier() != null) {
                identifier = KeyIdentifier.parse(metadata.keyIdentifier());
                if (!identifier.relativeKeyId().equalsIgnoreCase(relativeKeyId)) {
                    throw MafClientException.local("the MAF's Key Identifier " + metadata.keyIdentifier()
                            + " does not carry RelativeKeyID " + relativeKeyId);
                }
            } else {
                throw MafClientException.local("the MAF returned no keyIdentifier; configure the MAF-FQDN (--maf-fqdn)");
            }
        } catch (IllegalArgumentException e) {
            throw MafClientException.local("the MAF returned an unusable key identity: " + e.getMessage());
        }
        LOG.fine(() -> "registered key " + identifier + " until " + metadata.expirationTime());
        return new RegisteredKey(identifier, psk, metadata);
    }

    private JsonNode call(String method, String resource, MafJson.Body body, int expectedStatus, String root) throws IOException {
        if ("GET".equals(method)) {
            return expect(read(path(resource)), expectedStatus, root);
        }
        try (MafConnection connection = connect()) {
            HttpResponse response = connection.exchange(method, path(resource), body == null ? null : body.bytes());
            return expect(response, expectedStatus, root);
        }
    }

    /**
     * A GET on a kept-alive connection, or a new one. A kept connection can have been closed by the MAF while it idled
     * (its idle timeout, a restart); the GET then goes once more on a new connection, which is safe because a GET
     * changes nothing. A read that timed out is not repeated: the MAF is slow, not gone.
     */
    private HttpResponse read(String path) throws IOException {
        MafConnection kept = idle.take();
        if (kept != null) {
            try {
                return readOn(kept, path);
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                LOG.fine(() -> "a kept-alive MAF connection failed (" + e.getMessage() + "); retrying on a new one");
            }
        }
        return readOn(connect(), path);
    }

    private HttpResponse readOn(MafConnection connection, String path) throws IOException {
        HttpResponse response;
        try {
            response = connection.exchange("GET", path, null, true);
        } catch (IOException | RuntimeException e) {
            IdleConnections.closeQuietly(connection);
            throw e;
        }
        idle.give(connection);
        return response;
    }

    /** Closes the connections kept alive for reads; a later read has a connection of its own, closed after it. */
    @Override
    public void close() {
        idle.close();
    }

    /** Checks status and RSC; an error becomes a {@link MafClientException} with the MAF's {@code m2m:dbg} message. */
    static JsonNode expect(HttpResponse response, int expectedStatus, String root) throws MafClientException {
        String rscHeader = response.header(MafNames.HEADER_RSC);
        int rsc;
        try {
            rsc = rscHeader == null ? MafClientException.LOCAL : Integer.parseInt(rscHeader.strip());
        } catch (NumberFormatException e) {
            throw new MafClientException(response.status(), MafClientException.LOCAL, "bad X-M2M-RSC header: " + rscHeader);
        }
        if (response.status() != expectedStatus) {
            throw new MafClientException(response.status(), rsc, MafJson.debugMessage(response));
        }
        if (rscHeader == null) {
            throw MafClientException.local("the MAF's response lacks the X-M2M-RSC header: is this a MAF?");
        }
        return root == null ? null : MafJson.root(response, root);
    }

    private String path(String resource) {
        return (psk != null ? psk.basePath() : settings.basePath()) + resource;
    }

    /** A resource ID as one path segment: IDs are opaque and Key Identifiers contain '@'. */
    private static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an ID is needed");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
