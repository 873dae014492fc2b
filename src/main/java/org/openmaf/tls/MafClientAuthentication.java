package org.openmaf.tls;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.openmaf.onem2m.MafException;
import org.openmaf.wire.ClientId;
import org.openmaf.wire.MafNames;

import io.quarkus.arc.All;

/**
 * MAF Handshake (TS-0003 8.8.2.2) as seen by a request: every {@code /maf/**} request must arrive on a connection whose
 * client certificate the handshake verified; the certificate, not {@code X-M2M-Origin}, is the client's identity.
 * The TLS layer only requests a certificate, so browsers without one can still open the OpenAPI UI and health pages.
 */
public class MafClientAuthentication {

    @Inject
    TlsConnection connection;

    @Inject
    ClientIdentityResolver identities;

    @Inject
    AuthenticatedClient client;

    @Inject
    ServerTlsMaterial material;

    /** Reads the procedures would make next, made along with the certificate's standing ({@link CompanionRead}). */
    @All
    List<CompanionRead.Source> companions;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request) {
        if (!isMafPath(request.getUriInfo().getPath())) {
            return;
        }
        CompanionRead readAlong = connection.pskSession().isPresent() ? null : companionFor(request);
        String clientId = connection.pskSession().map(PskSession::clientId).orElseGet(() -> certificateClient(readAlong));
        String origin = request.getHeaderString(MafNames.HEADER_ORIGIN);
        if (origin != null && !(ClientId.isValid(origin) && ClientId.canonical(origin).equals(clientId))) {
            throw MafException.noPrivilege("X-M2M-Origin does not match the MAF client your " + (connection.pskSession()
                    .isPresent() ? "KmID" : "certificate") + " proves (" + clientId + "); send that ID or omit the header.");
        }
        client.authenticated(clientId, readAlong);
    }

    /** The client a verified, unrevoked, unblocked certificate proves; never one that authenticates with a Km. */
    private String certificateClient(CompanionRead readAlong) {
        X509Certificate[] chain = connection.verifiedClientChain().orElseThrow(() -> MafException.notAuthenticated(
                "No client certificate was presented. MAF procedures need a mutually authenticated TLS connection"
                        + " (TS-0003 8.8.2.2): connect with the MAF client's certificate and key."));
        // A connection opened before its certificate was revoked is refused from the next request on (contract section 7).
        material.current().revocationOf(chain).ifPresent(entry -> {
            throw MafException.notAuthenticated("The client certificate (serial " + chain[0].getSerialNumber().toString(16)
                    + ") is revoked: a CRL of " + chain[0].getIssuerX500Principal().getName() + " lists it.");
        });
        // Blocked certificates, and certificates naming a client that authenticates with a Km, are refused there.
        return identities.clientIdOf(connection.certificateNames(chain[0]), readAlong);
    }

    private CompanionRead companionFor(ContainerRequestContext request) {
        for (CompanionRead.Source companion : companions) {
            CompanionRead read = companion.readFor(request);
            if (read != null) {
                return read;
            }
        }
        return null;
    }

    static boolean isMafPath(String path) {
        return path.equals(MafNames.BASE_PATH) || path.startsWith(MafNames.BASE_PATH + "/");
    }
}
