package org.openmaf.keys;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.openmaf.audit.AuditRecord;
import org.openmaf.audit.AuditedProcedure;
import org.openmaf.audit.AuditedProcedure.Actor;
import org.openmaf.audit.AuditedProcedure.Addressed;
import org.openmaf.audit.Procedure;
import org.openmaf.audit.ProcedureAudit;
import org.openmaf.config.MafConfig;
import org.openmaf.crypto.KeyEncryption;
import org.openmaf.onem2m.Attributes;
import org.openmaf.onem2m.DatabaseKind;
import org.openmaf.onem2m.MafException;
import org.openmaf.wire.MafNames;
import org.openmaf.registration.Stakeholder;
import org.openmaf.tls.AuthenticatedClient;
import org.openmaf.wire.ClientId;
import org.openmaf.wire.KeyIdentifier;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** MAF Key Registration, Retrieval, Registration Update and De-Registration (TS-0003 8.8.2.7 to 8.8.2.10). */
@ApplicationScoped
public class KeyRegistrationService {

    private static final String RESOURCE = MafNames.KEY_REG_ROOT;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Contract section 7: the size of one target ID, as of one label ({@link Attributes#MAX_LABEL_LENGTH}). */
    static final int MAX_TARGET_ID = 255;
    /**
     * A used KcID is kept at least this long even when its key was to expire sooner, so that a connection kept busy
     * past a short-lived key's expiry cannot register that key again either.
     */
    private static final Duration MIN_TOMBSTONE = Duration.ofDays(1);

    @Inject
    MafConfig config;

    @Inject
    InstantSource clock;

    @Inject
    KeyEncryption encryption;

    @Inject
    ProcedureAudit audit;

    @Inject
    AuthenticatedClient client;

    /** PostgreSQL gets the one-statement writes ({@link NewKeyStatement}); H2 (dev mode) the entity writes. */
    @Inject
    DatabaseKind database;

    /** What a retrieval returns: the registration, and Kc when the caller is a target. */
    public record Retrieved(KeyRegistration registration, byte[] keyValue) {
    }

    /**
     * 8.8.2.7. Kc is the connection's exporter output unless the client sent its own keyValue. The source must hold a
     * valid registration for the stakeholder, and the stakeholder must authorize it now and allow it one more key
     * (max-keys-per-client); the key's lifetime is capped by the stakeholder's maximum and by the source's registration.
     * <p>
     * On PostgreSQL the source's standing comes with its certificate's ({@link RegistrationStandingRead}), and a source
     * with room under its key ceiling has its key written by one statement that is its own transaction
     * ({@link NewKeyStatement#insertBelowCeiling}); only at the ceiling (or at its first key) does a
     * transaction lock the source's registration and count its keys. Either way the answer leaves after the commit.
     */
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
        if (!database.postgreSql()) {
            return QuarkusTransaction.requiringNew().call(() -> registerOneByOne(sourceId, adminFqdn, suid, targets, labels,
                    now, request.expirationTime(), selfGenerated, connection));
        }
        SourceStanding source = standingOf(RegistrationStandingRead.standingOf(client.readAlong(), sourceId, adminFqdn, now),
                sourceId, adminFqdn);
        KeyRegistration key = sealedKey(sourceId, adminFqdn, suid, targets, labels, now, selfGenerated, connection);
        key.expirationTime = capped(request.expirationTime(), now, source);
        AuditRecord success = audit.successRecord(key.relativeKeyId);
        NewKeyStatement.Outcome outcome = NewKeyStatement.insertBelowCeiling(key, tombstoneUntil(key, now),
                source.stakeholder().maxKeysPerClient, now, success).orElseGet(() -> QuarkusTransaction.requiringNew()
                        .call(() -> insertCounted(key, request.expirationTime(), now, success)));
        if (!outcome.inserted()) {
            throw sameConnection(key.relativeKeyId);
        }
        return key;
    }

    /**
     * At the source's ceiling, at its first key (no ceiling yet), or when its registration went since it was read: the
     * source's standing read again under its registration row's lock, and the key inserted by the statement that
     * counts the source's keys; in a transaction.
     */
    private static NewKeyStatement.Outcome insertCounted(KeyRegistration key, Instant requestedExpiry, Instant now,
            AuditRecord success) {
        SourceStanding locked = standingOf(SourceStanding.lockedOnPostgreSql(key.sourceId, key.adminFqdn, now),
                key.sourceId, key.adminFqdn);
        key.expirationTime = capped(requestedExpiry, now, locked);
        NewKeyStatement.Outcome counted = NewKeyStatement.insert(key, tombstoneUntil(key, now),
                locked.stakeholder().maxKeysPerClient, now, success);
        withinQuota(key.sourceId, key.adminFqdn, locked.stakeholder(), counted.validKeys());
        return counted;
    }

    /** H2 (dev mode): the source's registration locked and its keys counted, then the entities persisted one by one. */
    private KeyRegistration registerOneByOne(String sourceId, String adminFqdn, int suid, List<String> targets,
            List<String> labels, Instant now, Instant requestedExpiry, byte[] selfGenerated, ConnectionKeys connection) {
        SourceStanding source = standingOf(SourceStanding.of(sourceId, adminFqdn, now), sourceId, adminFqdn);
        withinQuota(sourceId, adminFqdn, source.stakeholder(), source.validKeys());
        KeyRegistration key = sealedKey(sourceId, adminFqdn, suid, targets, labels, now, selfGenerated, connection);
        key.expirationTime = capped(requestedExpiry, now, source);
        Instant tombstoneUntil = tombstoneUntil(key, now);
        try {
            if (tombstoneUntil != null) {
                UsedKcId.of(key.relativeKeyId, tombstoneUntil).persist();
            }
            key.persistAndFlush();
        } catch (PersistenceException duplicateId) {
            // The primary keys, not a read before, keep RelativeKeyIDs unique under concurrency.
            throw sameConnection(key.relativeKeyId);
        }
        audit.succeeded(key.relativeKeyId);
        return key;
    }

    /** The new key, sealed: Kc is the connection's exporter output, or the client's own key, zeroed once sealed. */
    private KeyRegistration sealedKey(String sourceId, String adminFqdn, int suid, List<String> targets,
            List<String> labels, Instant now, byte[] selfGenerated, ConnectionKeys connection) {
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
        }
        key.sourceId = sourceId;
        key.adminFqdn = adminFqdn;
        key.suid = suid;
        key.target(targets);
        key.labels = labels;
        key.creationTime = now;
        key.lastModifiedTime = now;
        key.seal(encryption.seal(keyValue, key.relativeKeyId));
        Arrays.fill(keyValue, (byte) 0);
        return key;
    }

    /**
     * Until when an exporter-derived KcID stays used, whether its key is still there or not: a connection's exporter
     * yields one key, ever. Every exporter-derived key has a tombstone (V4 wrote those of keys registered before it),
     * and its primary key refuses the KcID a second time, whatever runs concurrently. Null for a self-generated key.
     */
    private static Instant tombstoneUntil(KeyRegistration key, Instant now) {
        return KeyRegistration.ORIGIN_EXPORTER.equals(key.keyOrigin) ? latest(key.expirationTime, now.plus(MIN_TOMBSTONE))
                : null;
    }

    /**
     * 8.8.2.8. A target listed in targetIDs with a valid registration for the key's stakeholder gets Kc; the source may
     * read its key's metadata without Kc; anyone else gets 4103. Only while the whole chain holds (contract section 7).
     * <p>
     * A retrieval changes nothing, so it runs in no transaction: one statement reads the whole chain with the sealed key
     * (usually the one that authenticated the caller, {@link RetrievalChainRead}), and the success record is committed (group commit, {@link ProcedureAudit#succeededDurably})
     * before Kc is even decrypted, so no key leaves the MAF without its durable record, and none is opened when the
     * record cannot be written (fail closed).
     */
    @AuditedProcedure(Procedure.KEY_RETRIEVAL)
    public Retrieved retrieve(@Actor String callerId, @Addressed String reference) {
        Instant now = clock.instant();
        KeyChain chain = chain(reference, callerId, now,
                (relativeKeyId, caller) -> RetrievalChainRead.chainOf(client.readAlong(), relativeKeyId, caller));
        KeyRegistration key = chain.key();
        if (chain.callerIsTarget()) {
            if (!chain.callerRegistered(now)) {
                throw MafException.noPrivilege(callerId + " is a target of this key but holds no valid registration for '"
                        + key.adminFqdn + "'; register first (POST " + MafNames.CLIENT_REGS + ").");
            }
            if (!chain.stakeholder().authorizes(callerId)) {
                throw MafException.noPrivilege(callerId + " is no longer authorized by the administrating stakeholder '"
                        + key.adminFqdn + "', so it is not served this key.");
            }
            sourceStillAuthorized(chain);
            audit.succeededDurably(key.relativeKeyId);
            return new Retrieved(key, encryption.open(key.sealedKey(), key.relativeKeyId));
        }
        if (chain.callerIsSource(callerId)) {
            sourceStillAuthorized(chain);
            audit.succeededDurably(key.relativeKeyId);
            return new Retrieved(key, null);
        }
        throw MafException.noPrivilege(callerId + " is not among the targets this key was registered for.");
    }

    /**
     * 8.8.2.9. Source only, while it is still authorized; at least one of expirationTime, labels, targetIDs. A new
     * expirationTime is capped by the stakeholder's maximum and by the source's registration.
     */
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
        KeyChain chain = ownedBySource(callerId, reference, now);
        sourceStillAuthorized(chain);
        KeyRegistration key = chain.key();
        if (request.targetIds() != null) {
            key.target(targetIds(request.targetIds(), key.suid));
        }
        if (request.expirationTime() != null) {
            key.expirationTime = capped(request.expirationTime(), now, chain.stakeholder(), chain.sourceRegistrationExpiry());
            UsedKcId.lastsUntilAtLeast(key.relativeKeyId, key.expirationTime);
        }
        if (labels != null) {
            key.labels = labels;
        }
        key.lastModifiedTime = now;
        audit.succeeded(key.relativeKeyId);
        return key;
    }

    /**
     * 8.8.2.10. Source only. The key, the source's registration and the stakeholder must still exist (else 4004), but
     * the stakeholder's patterns need not match the source any more: removing a key never extends anyone's trust, and a
     * source that lost its authorization should still be able to withdraw what it registered.
     */
    @Transactional
    @AuditedProcedure(Procedure.KEY_DEREGISTRATION)
    public void deregister(@Actor String callerId, @Addressed String reference) {
        KeyRegistration key = ownedBySource(callerId, reference, clock.instant()).key();
        key.delete();
        audit.succeeded(key.relativeKeyId);
    }

    /**
     * The chain behind the key at this moment, read by one statement ({@link KeyChain}). A key is absent (4004) from the
     * instant it, its source's registration or its stakeholder is gone or expired, whether purged yet or not; one
     * message for every cause, so a caller learns nothing about keys it may not use.
     */
    private KeyChain chain(String reference, String callerId, Instant now, BiFunction<String, String, Optional<KeyChain>> read) {
        String relativeKeyId = KeyReference.relativeKeyId(reference, config.fqdn());
        KeyChain chain = read.apply(relativeKeyId, callerId).filter(found -> found.exists(now))
                .orElseThrow(() -> MafException.notFound("No key is registered as " + relativeKeyId
                        + " (it may have expired or been de-registered, or its source's registration ended)."));
        // A registration update may have shortened the source's registration below the key's expiry: the key's
        // expirationTime never exceeds it (contract section 7), so it is capped on its first use after that: stored by
        // an update or de-registration (a managed key), shown capped by a retrieval (a detached copy; stored values
        // past the source's registration are never used, since every procedure reads them through this chain).
        if (chain.key().expirationTime.isAfter(chain.sourceRegistrationExpiry())) {
            chain.key().expirationTime = chain.sourceRegistrationExpiry();
        }
        return chain;
    }

    private KeyChain ownedBySource(String callerId, String reference, Instant now) {
        KeyChain chain = chain(reference, callerId, now, KeyChain::of);
        if (!chain.callerIsSource(callerId)) {
            throw MafException.noPrivilege("Only the source MAF client that registered key " + chain.key().relativeKeyId
                    + " may update or de-register it.");
        }
        return chain;
    }

    private static void sourceStillAuthorized(KeyChain chain) {
        if (!chain.sourceAuthorized()) {
            throw MafException.noPrivilege("The source of this key, " + chain.key().sourceId + ", is no longer authorized by"
                    + " the administrating stakeholder '" + chain.key().adminFqdn + "', so the key is no longer served or"
                    + " changed.");
        }
    }

    /** 8.8.2.7 preconditions: a valid registration and the stakeholder's authorization now. */
    private static SourceStanding standingOf(Optional<SourceStanding> read, String sourceId, String adminFqdn) {
        SourceStanding standing = read.orElseThrow(() -> Stakeholder.findByIdOptional(adminFqdn).isEmpty()
                ? MafException.noPrivilege("This MAF serves no administrating stakeholder '" + adminFqdn + "'.")
                : MafException.noPrivilege(sourceId + " holds no valid MAF client registration for '" + adminFqdn
                        + "'; register first (POST " + MafNames.CLIENT_REGS + ")."));
        if (!standing.stakeholder().authorizes(sourceId)) {
            throw MafException.noPrivilege(sourceId + " is no longer authorized to register keys for the administrating"
                    + " stakeholder '" + adminFqdn + "'.");
        }
        return standing;
    }

    private static void withinQuota(String sourceId, String adminFqdn, Stakeholder stakeholder, long validKeys) {
        int quota = stakeholder.maxKeysPerClient;
        if (validKeys >= quota) {
            throw MafException.badRequest(RESOURCE + ": " + sourceId + " holds " + validKeys + " valid keys for '"
                    + adminFqdn + "', the stakeholder's limit (max-keys-per-client = " + quota + "); de-register keys it"
                    + " no longer uses, or let them expire, before registering more.");
        }
    }

    /** The requested time, or the stakeholder's maximum; never later than the source's registration (contract 7). */
    private static Instant capped(Instant requested, Instant now, SourceStanding source) {
        return capped(requested, now, source.stakeholder(), source.registrationExpiry());
    }

    private static Instant capped(Instant requested, Instant now, Stakeholder stakeholder, Instant sourceRegistrationExpiry) {
        return Attributes.capped(Attributes.capped(requested, now.plus(stakeholder.maxKeyLifetime())), sourceRegistrationExpiry);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Each target a canonical client ID (contract section 7) of at most {@value #MAX_TARGET_ID} characters. */
    private static List<String> targetIds(List<String> targetIds, int suid) {
        Suid.checkTargets(suid, targetIds, RESOURCE);
        for (String target : targetIds) {
            if (target != null && target.length() > MAX_TARGET_ID) {
                throw MafException.badRequest(RESOURCE + ": each of targetIDs may have at most " + MAX_TARGET_ID
                        + " characters; one has " + target.length() + ".");
            }
            if (!ClientId.isValid(target)) {
                throw MafException.badRequest(RESOURCE + ": targetIDs must be Absolute CSE-IDs or AE-IDs (//SP-ID/id);"
                        + " one of them is not.");
            }
        }
        return List.copyOf(targetIds.stream().map(ClientId::canonical).distinct().toList());
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
