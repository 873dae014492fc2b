package org.openmaf.admin;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.RegistrationService;
import org.openmaf.tls.CertificateBinding;
import org.openmaf.tls.PskCredential;
import org.openmaf.tls.PskCredentials;
import org.openmaf.wire.KmId;

import io.quarkus.panache.common.Sort;

/**
 * Pre-provisioned Master Credentials (PPSK, contract section 8). A client ID is either a PSK client or a certificate
 * client, never both (issue 13): a Km is not provisioned for an ID that a certificate binding names or that holds a
 * registration already, and once a Km names an ID, /maf refuses certificates that claim it
 * ({@link org.openmaf.tls.MafClientAuthentication}).
 */
@ApplicationScoped
public class PskCredentialAdmin {

    @Inject
    PskCredentials credentials;

    @Inject
    MafConfig config;

    @Inject
    InstantSource clock;

    @Inject
    AdminAudit audit;

    @Inject
    AdminActor actor;

    @Inject
    RegistrationService registrations;

    public Listing<PskCredentialMessages.View> list(String clientId, Paging paging) {
        Filters filters = new Filters().where("clientId = :clientId", "clientId", clientId);
        return Listing.of(PskCredential.<PskCredential>find(filters.query(), Sort.by("createdAt").and("kmId"),
                filters.parameters()), paging, PskCredentialMessages.View::of);
    }

    public PskCredentialMessages.View read(String kmId) {
        return PskCredentialMessages.View.of(existing(kmId));
    }

    @Transactional
    public PskCredentialMessages.View provision(PskCredentialMessages.Create request) {
        KmId kmId = kmId(AdminInput.required(request.kmID(), "kmID"));
        if (!kmId.isIssuedBy(config.fqdn())) {
            throw MafException.badRequest("'kmID' must end in @" + config.fqdn() + ", this MAF's FQDN (TS-0003 10.6).");
        }
        String clientId = AdminInput.clientId(request.mafClientID(), "mafClientID");
        Instant expiration = AdminInput.timestamp(request.expirationTime(), "expirationTime");
        if (expiration != null && !expiration.isAfter(clock.instant())) {
            throw MafException.badRequest("'expirationTime' must lie in the future.");
        }
        byte[] km = km(AdminInput.required(request.key(), "key"));
        try {
            if (PskCredential.findByIdOptional(kmId.toString()).isPresent()) {
                throw MafException.conflict("The KmID " + kmId + " is provisioned already; delete it first.");
            }
            if (CertificateBinding.count("clientId", clientId) > 0
                    || (ClientRegistration.count("clientId", clientId) > 0 && !credentials.isPskClient(clientId))) {
                throw MafException.conflict(clientId + " authenticates with a certificate (it has a certificate binding or"
                        + " a registration made over one); a MAF client uses a Km or a certificate, not both.");
            }
            PskCredential credential = credentials.provision(kmId.toString(), clientId, km, expiration, actor.name());
            audit.changed(AdminChange.ADMIN_PSK_CREDENTIAL_CREATE, Rsc.CREATED, credential.kmId, "mafClientID=" + clientId);
            return PskCredentialMessages.View.of(credential);
        } finally {
            Arrays.fill(km, (byte) 0);
        }
    }

    /**
     * Deletes a Km; once the client ID has none left, its registrations end with it (and their keys with them, as on
     * de-registration): what authenticated them is gone, and nothing may inherit them, not even a certificate that
     * later names the same ID (a certificate client is refused a Km while it holds registrations, and the reverse).
     */
    @Transactional
    public void delete(String kmId) {
        PskCredential credential = existing(kmId);
        credentials.delete(credential);
        long ended = 0;
        if (!credentials.isPskClient(credential.clientId)) {
            for (ClientRegistration registration : ClientRegistration.<ClientRegistration>list("clientId", credential.clientId)) {
                registrations.revoke(registration);
                ended++;
            }
        }
        audit.changed(AdminChange.ADMIN_PSK_CREDENTIAL_DELETE, Rsc.DELETED, credential.kmId,
                "mafClientID=" + credential.clientId + ", registrations ended: " + ended);
    }

    private PskCredential existing(String kmId) {
        String canonical = kmId(kmId).toString();
        return PskCredential.<PskCredential>findByIdOptional(canonical).orElseThrow(
                () -> MafException.notFound("No Master Credential with KmID " + canonical + " is provisioned."));
    }

    private static KmId kmId(String text) {
        try {
            return KmId.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw MafException.badRequest("'kmID' is not a KmID: " + e.getMessage() + ".");
        }
    }

    /** Km: base64 of 16..64 bytes. The message never repeats the value. */
    private static byte[] km(String base64) {
        byte[] km;
        try {
            km = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw MafException.badRequest("'key' must be standard base64 (with padding) of the Km bytes.");
        }
        if (km.length < PskCredentialMessages.MIN_KM_BYTES || km.length > PskCredentialMessages.MAX_KM_BYTES) {
            int length = km.length;
            Arrays.fill(km, (byte) 0);
            throw MafException.badRequest("'key' must be " + PskCredentialMessages.MIN_KM_BYTES + " to "
                    + PskCredentialMessages.MAX_KM_BYTES + " bytes, not " + length + ".");
        }
        return km;
    }
}
