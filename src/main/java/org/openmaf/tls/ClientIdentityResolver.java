package org.openmaf.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.PlainStatements;
import org.openmaf.wire.ClientId;

/**
 * Turns a verified client certificate into the MAF client ID (contract section 1): an operator's explicit binding of
 * the certificate's SHA-256 fingerprint wins; otherwise the one ID its subjectAltName names. A certificate on the
 * operators' block list (contract section 7) names no one.
 */
@ApplicationScoped
public class ClientIdentityResolver {

    /**
     * The binding, the block list and the Master Credentials, read together in one round trip on every request (each
     * by key), so that what an operator changes applies from the next request on, on every instance sharing the
     * database. {@code km_named} says whether a Km is provisioned for the client the certificate would name,
     * {@code client_id}: the bound ID if there is a binding, else the one ID its subjectAltName names (null when it names
     * none or several). A {@link CompanionRead} adds its columns and joins (the two {@code %s}).
     * <p>
     * Written for the executor as much as for the reader (issue 12): the binding is joined once rather than looked up by
     * a subquery in each place that needs it, and EXISTS stops at the first row where a count would aggregate. The
     * plan's nodes are set up afresh on every execution, and that set-up was a quarter of PostgreSQL's CPU under
     * retrieval load.
     */
    private static final String STANDING = "select c.bound_id, c.blocked, c.km_named, c.client_id%s from (select"
            + " y.client_id as bound_id,"
            + " exists (select 1 from blocked_certificate x where x.fingerprint_sha256 = q.fingerprint) as blocked,"
            + " exists (select 1 from psk_credential p where p.client_id = coalesce(y.client_id, q.named)) as km_named,"
            + " coalesce(y.client_id, q.named) as client_id"
            + " from (select cast(? as text) as fingerprint, cast(? as text) as named) q"
            + " left join certificate_binding y on y.fingerprint_sha256 = q.fingerprint) c%s";
    private static final String STANDING_ALONE = STANDING.formatted("", "");
    private static final int STANDING_PARAMETERS = 2;
    private static final int STANDING_COLUMNS = 4;

    /** The standing statement with each kind of companion's columns and joins: composed once, not on every request. */
    private final Map<Class<? extends CompanionRead>, String> standingWith = new ConcurrentHashMap<>();

    /** What the database says about a certificate (the first columns of {@link #STANDING}). */
    private record Standing(String boundId, boolean blocked, boolean kmNamed) {
    }

    String clientIdOf(CertificateNames names) {
        return clientIdOf(names, null);
    }

    /** The client ID, as {@link #clientIdOf(CertificateNames)}; {@code companion}, when not null, read along. */
    String clientIdOf(CertificateNames names, CompanionRead companion) {
        String fingerprint = names.fingerprint();
        Set<String> ids = names.namedIds();
        String named = ids.size() == 1 ? ids.iterator().next() : null;
        String sql = companion == null ? STANDING_ALONE : standingWith.computeIfAbsent(companion.getClass(),
                kind -> STANDING.formatted(companion.columns(), companion.joins()));
        Standing standing = PlainStatements.query(sql, statement -> {
            statement.setString(1, fingerprint);
            PlainStatements.setText(statement, 2, named);
            if (companion != null) {
                companion.bind(statement, STANDING_PARAMETERS + 1);
            }
        }, rows -> {
            rows.next();
            Standing read = new Standing(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3));
            if (companion != null) {
                // Rows for the ID the joins used: the procedure uses them only if that is the ID the verdict names.
                companion.read(rows, STANDING_COLUMNS + 1, rows.getString(4));
            }
            return read;
        });
        return clientIdOf(fingerprint, ids, standing);
    }

    /** The standing's verdict: the client ID, or the refusal (4106). */
    private static String clientIdOf(String fingerprint, Set<String> ids, Standing standing) {
        if (standing.blocked()) {
            throw MafException.notAuthenticated("The client certificate with SHA-256 fingerprint " + fingerprint
                    + " is blocked by the MAF's operator; ask them, or use another certificate.");
        }
        String clientId = namedClient(fingerprint, standing.boundId(), ids);
        // Issue 13: a client ID that a Master Credential names authenticates with that Km only, so a certificate whose
        // subjectAltName (or binding) names it proves nothing (PskCredentialAdmin refuses the reverse). A binding stored
        // before IDs were canonical is looked up again by its canonical form.
        boolean pskClient = standing.kmNamed() || (standing.boundId() != null && !clientId.equals(standing.boundId())
                && PskCredential.count("clientId", clientId) > 0);
        if (pskClient) {
            throw MafException.notAuthenticated(clientId + " authenticates with a pre-provisioned Km (PSK-based MAF"
                    + " Handshake, contract section 8), not with a certificate: connect to the MAF's PSK port.");
        }
        return clientId;
    }

    private static String namedClient(String fingerprint, String bound, Set<String> ids) {
        if (bound != null) {
            // Bound IDs are stored canonical by the admin API; canonical again here for bindings stored before that rule.
            return ClientId.isValid(bound) ? ClientId.canonical(bound) : bound;
        }
        if (ids.isEmpty()) {
            throw MafException.notAuthenticated("The client certificate names no MAF client: its subjectAltName holds"
                    + " neither a URI //SP-ID/id (or scheme://SP-ID/id) nor a dNSName SP-ID/id, and no operator binding"
                    + " exists for its SHA-256 fingerprint " + fingerprint + ".");
        }
        if (ids.size() > 1) {
            throw MafException.notAuthenticated("The client certificate names more than one MAF client ("
                    + String.join(", ", ids) + "), so the MAF cannot tell which one you are.");
        }
        return ids.iterator().next();
    }

    /** Lowercase hex SHA-256 of the DER certificate, the form {@code openssl x509 -fingerprint -sha256} shows without colons. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
