package org.openmaf.tls;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes the block list of client certificates; {@link ClientIdentityResolver} reads it on every /maf request. */
@ApplicationScoped
public class BlockedCertificates {

    @Inject
    InstantSource clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public BlockedCertificate block(String fingerprintSha256, String reason, String blockedBy) {
        BlockedCertificate blocked = new BlockedCertificate();
        blocked.fingerprintSha256 = fingerprintSha256;
        blocked.reason = reason;
        blocked.blockedAt = clock.instant();
        blocked.blockedBy = blockedBy;
        blocked.persist();
        return blocked;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unblock(BlockedCertificate blocked) {
        blocked.delete();
    }
}
