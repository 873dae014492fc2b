package org.openmaf.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.tls.BlockedCertificate;
import org.openmaf.tls.BlockedCertificates;

import io.quarkus.panache.common.Sort;

/**
 * The operators' block list of client certificates (contract section 7): the MAF reads it on every /maf request, so a
 * block applies from the next request on, on every instance, without waiting for a CRL to be published and reloaded.
 */
@ApplicationScoped
public class BlockedCertificateAdmin {

    @Inject
    BlockedCertificates blockList;

    @Inject
    AdminAudit audit;

    @Inject
    AdminActor actor;

    public Listing<BlockedCertificateMessages.View> list(Paging paging) {
        return Listing.of(BlockedCertificate.<BlockedCertificate>findAll(Sort.by("blockedAt").and("fingerprintSha256")),
                paging, BlockedCertificateMessages.View::of);
    }

    @Transactional
    public BlockedCertificateMessages.View block(BlockedCertificateMessages.Create request) {
        String fingerprint = AdminInput.fingerprint(request.fingerprintSha256(), "fingerprintSha256");
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason != null && reason.length() > BlockedCertificateMessages.MAX_REASON) {
            throw MafException.badRequest("'reason' must be at most " + BlockedCertificateMessages.MAX_REASON
                    + " characters.");
        }
        if (BlockedCertificate.findByIdOptional(fingerprint).isPresent()) {
            throw MafException.conflict("The certificate with SHA-256 fingerprint " + fingerprint + " is blocked already.");
        }
        BlockedCertificate blocked = blockList.block(fingerprint, reason, actor.name());
        // The reason is the operator's free text: the audit record names the certificate only.
        audit.changed(AdminChange.ADMIN_CERTIFICATE_BLOCK, Rsc.CREATED, fingerprint, null);
        return BlockedCertificateMessages.View.of(blocked);
    }

    @Transactional
    public void unblock(String fingerprint) {
        String normalized = AdminInput.fingerprint(fingerprint, "fingerprintSha256");
        BlockedCertificate blocked = BlockedCertificate.<BlockedCertificate>findByIdOptional(normalized).orElseThrow(
                () -> MafException.notFound("No certificate with SHA-256 fingerprint " + normalized + " is blocked."));
        blockList.unblock(blocked);
        audit.changed(AdminChange.ADMIN_CERTIFICATE_UNBLOCK, Rsc.DELETED, normalized, null);
    }
}
