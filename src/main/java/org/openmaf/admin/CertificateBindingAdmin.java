package org.openmaf.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.tls.CertificateBinding;
import org.openmaf.tls.CertificateBindings;

import io.quarkus.panache.common.Sort;

/**
 * Operator bindings of a certificate to a MAF client ID. The MAF looks them up on every request, so a binding applies
 * from the next request on, on every instance.
 */
@ApplicationScoped
public class CertificateBindingAdmin {

    @Inject
    CertificateBindings bindings;

    @Inject
    AdminAudit audit;

    @Inject
    AdminActor actor;

    public Listing<CertificateBindingMessages.View> list(String clientId, Paging paging) {
        Filters filters = new Filters().where("clientId = :clientId", "clientId", clientId);
        return Listing.of(CertificateBinding.<CertificateBinding>find(filters.query(), Sort.by("createdAt").and("fingerprintSha256"),
                filters.parameters()), paging, CertificateBindingMessages.View::of);
    }

    public CertificateBindingMessages.View read(String fingerprint) {
        return CertificateBindingMessages.View.of(existing(fingerprint));
    }

    @Transactional
    public CertificateBindingMessages.View create(CertificateBindingMessages.Create request) {
        String fingerprint = AdminInput.fingerprint(request.fingerprintSha256(), "fingerprintSha256");
        String clientId = AdminInput.clientId(request.clientId(), "clientId");
        CertificateBinding.<CertificateBinding>findByIdOptional(fingerprint).ifPresent(existing -> {
            throw MafException.conflict("This certificate is bound to " + existing.clientId + " already; delete that"
                    + " binding first.");
        });
        CertificateBinding binding = bindings.bind(fingerprint, clientId, actor.name());
        audit.changed(AdminChange.ADMIN_CERTIFICATE_BINDING_CREATE, Rsc.CREATED, fingerprint, "clientId=" + clientId);
        return CertificateBindingMessages.View.of(binding);
    }

    @Transactional
    public void delete(String fingerprint) {
        CertificateBinding binding = existing(fingerprint);
        bindings.unbind(binding);
        audit.changed(AdminChange.ADMIN_CERTIFICATE_BINDING_DELETE, Rsc.DELETED, binding.fingerprintSha256,
                "clientId=" + binding.clientId);
    }

    private CertificateBinding existing(String fingerprint) {
        String normalized = AdminInput.fingerprint(fingerprint, "fingerprintSha256");
        return CertificateBinding.<CertificateBinding>findByIdOptional(normalized).orElseThrow(
                () -> MafException.notFound("No certificate with SHA-256 fingerprint " + normalized + " is bound."));
    }
}
