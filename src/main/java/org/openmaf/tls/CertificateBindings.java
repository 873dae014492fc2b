package org.openmaf.tls;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes the operator bindings of a certificate to a MAF client ID; {@link ClientIdentityResolver} reads them. */
@ApplicationScoped
public class CertificateBindings {

    @Inject
    InstantSource clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public CertificateBinding bind(String fingerprintSha256, String clientId, String createdBy) {
        CertificateBinding binding = new CertificateBinding();
        binding.fingerprintSha256 = fingerprintSha256;
        binding.clientId = clientId;
        binding.createdAt = clock.instant();
        binding.createdBy = createdBy;
        binding.persist();
        return binding;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unbind(CertificateBinding binding) {
        binding.delete();
    }
}
