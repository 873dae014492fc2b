package org.openmaf.keys;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.openmaf.audit.AuditedProcedure;
import org.openmaf.audit.AuditedProcedure.Actor;
import org.openmaf.audit.AuditedProcedure.Addressed;
import org.openmaf.audit.Procedure;
import org.openmaf.audit.ProcedureAudit;
import org.openmaf.config.MafConfig;
import org.openmaf.crypto.KeyEncryption;
import org.openmaf.onem2m.Attributes;
import org.openmaf.onem2m.MafException;
import org.openmaf.wire.MafNames;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.Stakeholder;
import org.openmaf.registration.StakeholderDirectory;
import org.openmaf.wire.ClientId;
import org.openmaf.wire.KeyIdentifier;

/** MAF Key Registration, Retrieval, Registration Update and De-Registration (TS-0003 8.8.2.7 to 8.8.2.10). */
@ApplicationScoped
public class KeyRegistrationService {

    private static final String RESOURCE = MafNames.KEY_REG_ROOT;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MafConfig config;

    @Inject
    InstantSource clock;

    @Inject
    StakeholderDirectory stakeholders;

    @Inject
    KeyEncryption encryption;

    @Inject
    ProcedureAudit audit;

    /** What a retrieval returns: the registration, and Kc when the caller is a target. */
    public record Retrieved(KeyRegistration registration, byte[] keyValue) {
    }

    /**
     * 8.8.2.7. Kc is the connection's exporter output unless the client sent its own keyValue; the source must hold a
     * valid registration for the stakeholder, which caps the key's lifetime.
     */
    @Transactional
    @AuditedProcedure(Procedure.KEY_REGISTRATION)
    public KeyRegistration register(@Actor String sourceId, KeyRegMessages.Create request, ConnectionKeys connection) {
        String adminFqdn = Attributes.required(request.adminFqdn(), RESOURCE, MafNames.ADMIN_FQDN);
        int suid = Suid.accepted(request.suid(), RESOURCE);
        List<String> targets = targetIds(Attributes.required(request.targetIds(), RESOURCE, MafNames.TARGET_IDS), suid);
        Attributes.mafFqdn(request.mafFqdn(), config.fqdn(), RESOURCE);
        Instant now = clock.instant();
        Attributes.futureExpiration(request.expirationTime(), now, RESOURCE);
        var labels = Attributes.labels(request.labels(), RESOURCE);
        byte[] selfGenerated = request.keyValue() == null ? null : selfGeneratedKey(request.keyValue());
        Stakeholder stakeholder = sourceRegisteredFor(sourceId, adminFqdn, now);

        KeyRegistration key = new KeyRegistration();
        byte[] keyValue;
        if (selfGenerated != null) {
            key.relativeKeyId = KeyIdentifier.randomRelativeKeyId(RANDOM);
            key.keyOrigin = KeyRegistration.ORIGIN_CLIENT;
            keyValue = selfGenerated;
        } else {
            org.openmaf.wire.ConnectionKeys exported = connection.exportConnectionKeys();
            key.relativeKeyId = exported.relativeKeyId();
            key.keyOrigin = KeyRegistration.ORIGIN_EXPORTER;
            keyValue = exported.kc();
            exported.destroy();
            if (KeyRegistration.findByIdOptional(key.relativeKeyId).isPresent()) {
                Arrays.fill(keyValue, (byte) 0);
                throw sameConnection(key.relativeKeyId);
            }
        }
        key.sourceId = sourceId;
        key.adminFqdn = adminFqdn;
        key.suid = suid;
        key.target(targets);
        key.labels = labels;
        key.expirationTime = Attributes.capped(request.expirationTime(), now.plus(stakeholder.maxKeyLifetime()));
        key.creationTime = now;
        key.lastModifiedTime = now;
        key.seal(encryption.seal(keyValue, key.relativeKeyId));
        Arrays.fill(keyValue, (byte) 0);
        try {
            key.persistAndFlush();
        } catch (PersistenceException duplicateId) {
            // The primary key, not only the check above, keeps RelativeKeyIDs unique under concurrency.
            throw sameConnection(key.relativeKeyId);
        }
        audit.succeeded(key.relativeKeyId);
        return key;
    }

    /**
     * 8.8.2.8. A target listed in targetIDs with a valid registration for the key's stakeholder gets Kc; the source may
     * read its key's metadata without Kc; anyone else gets 4103.
     */
    @Transactional
    @AuditedProcedure(Procedure.KEY_RETRIEVAL)
    public Retrieved retrieve(@Actor String callerId, @Addressed String reference) {
        KeyRegistration key = valid(reference);
        if (KeyRegistration.targets(key.relativeKeyId, callerId)) {
            if (ClientRegistration.findValidFor(callerId, key.adminFqdn, clock.instant()).isEmpty()) {
                throw MafException.noPrivilege(callerId + " is a target of this key but holds no valid registration for '"
                        + key.adminFqdn + "'; register first (POST " + MafNames.CLIENT_REGS + ").");
            }
            byte[] keyValue = encryption.open(key.sealedKey(), key.relativeKeyId);
            audit.succeeded(key.relativeKeyId);
            return new Retrieved(key, keyValue);
        }
        if (key.sourceId.equals(callerId)) {
            audit.succeeded(key.relativeKeyId);
            return new Retrieved(key, null);
        }
        throw MafException.noPrivilege(callerId + " is not among the targets this key was registered for.");
    }

    /** 8.8.2.9. Source only; at least one of expirationTime, labels, targetIDs. */
    @Transactional
    @AuditedProcedure(Procedure.KEY_REGISTRATION_UPDATE)
    public KeyRegistration update(@Actor String callerId, @Addressed String reference, KeyRegMessages.Update request) {
        if (request.expirationTime() == null && request.labels() == null && request.targetIds() == null) {
            throw MafException.badRequest(RESOURCE + ": an update needs expirationTime, labels or targetIDs.");
        }
        Attributes.mafFqdn(request.mafFqdn(), config.fqdn(), RESOURCE);
        Instant now = clock.instant();
        Attributes.futureExpiration(request.expirationTime(), now, RESOURCE);
        var labels = Attributes.labels(request.labels(), RESOURCE);
        KeyRegistration key = ownedBySource(callerId, reference);
        if (request.targetIds() != null) {
            key.target(targetIds(request.targetIds(), key.suid));
        }
        if (request.expirationTime() != null) {
            Stakeholder stakeholder = sourceRegisteredFor(callerId, key.adminFqdn, now);
            key.expirationTime = Attributes.capped(request.expirationTime(), now.plus(stakeholder.maxKeyLifetime()));
        }
        if (labels != null) {
            key.labels = labels;
        }
        key.lastModifiedTime = now;
        audit.succeeded(key.relativeKeyId);
        return key;
    }

    /** 8.8.2.10. Source only. */
    @Transactional
    @AuditedProcedure(Procedure.KEY_DEREGISTRATION)
    public void deregister(@Actor String callerId, @Addressed String reference) {
        KeyRegistration key = ownedBySource(callerId, reference);
        key.delete();
        audit.succeeded(key.relativeKeyId);
    }

    /**
     * A key is valid while it has not expired and its source still holds a valid registration for the key's
     * stakeholder (contract section 7): a registration that expired is absent at once, before the purge deletes it
     * and, by the schema's cascade, its keys.
     */
    private KeyRegistration valid(String reference) {
        String relativeKeyId = KeyReference.relativeKeyId(reference, config.fqdn());
        Instant now = clock.instant();
        return KeyRegistration.findValid(relativeKeyId, now)
                .filter(key -> ClientRegistration.findValidFor(key.sourceId, key.adminFqdn, now).isPresent())
                .orElseThrow(() -> MafException.notFound("No key is registered as " + relativeKeyId
                        + " (it may have expired or been de-registered, or its source's registration ended)."));
    }

    private KeyRegistration ownedBySource(String callerId, String reference) {
        KeyRegistration key = valid(reference);
        if (!key.sourceId.equals(callerId)) {
            throw MafException.noPrivilege("Only the source MAF client that registered key " + key.relativeKeyId
                    + " may update or de-register it.");
        }
        return key;
    }

    private Stakeholder sourceRegisteredFor(String sourceId, String adminFqdn, Instant now) {
        if (ClientRegistration.findValidFor(sourceId, adminFqdn, now).isEmpty()) {
            throw MafException.noPrivilege(sourceId + " holds no valid MAF client registration for '" + adminFqdn
                    + "'; register first (POST " + MafNames.CLIENT_REGS + ").");
        }
        return stakeholders.find(adminFqdn).orElseThrow(() -> MafException.noPrivilege(
                "This MAF serves no administrating stakeholder '" + adminFqdn + "'."));
    }

    private static List<String> targetIds(List<String> targetIds, int suid) {
        Suid.checkTargets(suid, targetIds, RESOURCE);
        for (String target : targetIds) {
            if (!ClientId.isValid(target)) {
                throw MafException.badRequest(RESOURCE + ": targetIDs must be Absolute CSE-IDs or AE-IDs (//SP-ID/id);"
                        + " one of them is not.");
            }
        }
        return List.copyOf(targetIds.stream().distinct().toList());
    }

    private static byte[] selfGeneratedKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw MafException.badRequest(RESOURCE + ": keyValue must be standard base64.");
        }
        if (key.length < 16 || key.length > 64) {
            Arrays.fill(key, (byte) 0);
            throw MafException.badRequest(RESOURCE + ": a self-generated keyValue must be 16 to 64 bytes.");
        }
        return key;
    }

    private static MafException sameConnection(String relativeKeyId) {
        return MafException.conflict("This TLS connection already registered key " + relativeKeyId + ": a connection's"
                + " exporter yields one key (TS-0003 10.3.1). Open a new TLS connection for each key registration.");
    }

    /** The exporter of the connection the request came on; only called when the key is exporter-derived. */
    @FunctionalInterface
    public interface ConnectionKeys {
        org.openmaf.wire.ConnectionKeys exportConnectionKeys();
    }
}
