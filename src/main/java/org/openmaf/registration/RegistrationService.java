package org.openmaf.registration;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.openmaf.audit.AuditedProcedure;
import org.openmaf.audit.AuditedProcedure.Actor;
import org.openmaf.audit.AuditedProcedure.Addressed;
import org.openmaf.audit.Procedure;
import org.hibernate.exception.ConstraintViolationException;
import org.openmaf.audit.ProcedureAudit;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Attributes;
import org.openmaf.onem2m.MafException;
import org.openmaf.wire.MafNames;

/** MAF Client Registration and its retrieve, configuration retrieval, update and de-registration (TS-0003 8.8.2.3-6). */
@ApplicationScoped
public class RegistrationService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESOURCE = MafNames.CLIENT_REG_ROOT;

    @Inject
    StakeholderDirectory stakeholders;

    @Inject
    MafConfig config;

    @Inject
    InstantSource clock;

    @Inject
    ProcedureAudit audit;

    /** 8.8.2.3. The stakeholder must authorize the client; it also caps the lifetime. */
    @Transactional
    @AuditedProcedure(Procedure.CLIENT_REGISTRATION)
    public ClientRegistration register(@Actor String clientId, ClientRegMessages.Create request) {
        String adminFqdn = Attributes.required(request.adminFqdn(), RESOURCE, MafNames.ADMIN_FQDN);
        Attributes.mafFqdn(request.mafFqdn(), config.fqdn(), RESOURCE);
        Instant now = clock.instant();
        Attributes.futureExpiration(request.expirationTime(), now, RESOURCE);
        var labels = Attributes.labels(request.labels(), RESOURCE);
        Stakeholder stakeholder = stakeholders.authorizing(adminFqdn, clientId);

        ClientRegistration.findValidFor(clientId, adminFqdn, now).ifPresent(existing -> {
            throw MafException.conflict(clientId + " is already registered for '" + adminFqdn + "' as "
                    + MafNames.CLIENT_REGS + "/" + existing.id + "; update or de-register that registration.");
        });
        // An expired one, not yet purged. Only an expired one: a twin request that committed since the check above
        // holds a valid registration, which must stand (this request then meets the unique constraint: 409).
        ClientRegistration.delete("clientId = ?1 and adminFqdn = ?2 and expirationTime <= ?3", clientId, adminFqdn, now);

        ClientRegistration registration = new ClientRegistration();
        registration.id = newRegistrationId();
        registration.clientId = clientId;
        registration.adminFqdn = adminFqdn;
        registration.labels = labels;
        registration.expirationTime = Attributes.capped(request.expirationTime(), now.plus(stakeholder.maxRegistrationLifetime()));
        registration.creationTime = now;
        registration.lastModifiedTime = now;
        try {
            registration.persistAndFlush();
        } catch (PersistenceException e) {
            if (!isUniqueViolation(e)) {
                throw e; // the store failed: a server fault (5000), not a conflict
            }
            throw MafException.conflict(clientId + " registered for '" + adminFqdn + "' concurrently; retrieve or"
                    + " update that registration.");
        }
        audit.succeeded(registration.id);
        return registration;
    }

    @Transactional
    @AuditedProcedure(Procedure.CLIENT_REGISTRATION_RETRIEVAL)
    public ClientRegistration retrieve(@Actor String clientId, @Addressed String registrationId) {
        ClientRegistration registration = owned(clientId, registrationId);
        audit.succeeded(registration.id);
        return registration;
    }

    /** 8.8.2.4. None attached: 4004. */
    @Transactional
    @AuditedProcedure(Procedure.CLIENT_CONFIGURATION_RETRIEVAL)
    public ClientConfiguration configuration(@Actor String clientId, @Addressed String registrationId) {
        ClientRegistration registration = owned(clientId, registrationId);
        ClientConfiguration cfg = ClientConfiguration.findFor(registration.clientId, registration.adminFqdn)
                .orElseThrow(() -> MafException.notFound("No MAF Client Configuration is attached to this registration;"
                        + " ask the operator of '" + registration.adminFqdn + "'."));
        audit.succeeded(registration.id);
        return cfg;
    }

    /** 8.8.2.5. Needs expirationTime or labels; the stakeholder must still authorize the client, and caps the lifetime. */
    @Transactional
    @AuditedProcedure(Procedure.CLIENT_REGISTRATION_UPDATE)
    public ClientRegistration update(@Actor String clientId, @Addressed String registrationId, ClientRegMessages.Update request) {
        if (request.expirationTime() == null && request.labels() == null) {
            throw MafException.badRequest(RESOURCE + ": an update needs expirationTime or labels.");
        }
        Attributes.mafFqdn(request.mafFqdn(), config.fqdn(), RESOURCE);
        Instant now = clock.instant();
        Attributes.futureExpiration(request.expirationTime(), now, RESOURCE);
        var labels = Attributes.labels(request.labels(), RESOURCE);
        ClientRegistration registration = owned(clientId, registrationId);
        Stakeholder stakeholder = stakeholders.authorizing(registration.adminFqdn, clientId);
        if (request.expirationTime() != null) {
            registration.expirationTime = Attributes.capped(request.expirationTime(), now.plus(stakeholder.maxRegistrationLifetime()));
            keysNeverOutlive(registration);
        }
        if (labels != null) {
            registration.labels = labels;
        }
        registration.lastModifiedTime = now;
        audit.succeeded(registration.id);
        return registration;
    }

    /** 8.8.2.6. The client ceases to use the MAF for this stakeholder; see {@link #end}. */
    @Transactional
    @AuditedProcedure(Procedure.CLIENT_DEREGISTRATION)
    public void deregister(@Actor String clientId, @Addressed String registrationId) {
        ClientRegistration registration = owned(clientId, registrationId);
        end(registration);
        audit.succeeded(registration.id);
    }

    /** An operator's revocation: a de-registration the client did not ask for, ending the same way. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(ClientRegistration registration) {
        end(registration);
    }

    /** Expired registrations; their keys go with them (the schema cascades). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long purgeExpired(Instant now) {
        return ClientRegistration.delete("expirationTime <= ?1", now);
    }

    /**
     * Ends a registration, however it ends. The keys its client registered for the stakeholder stop being distributed
     * too: the schema deletes them with the row (key_registration references client_registration ON DELETE CASCADE),
     * so this package needs to know nothing of keys.
     */
    private static void end(ClientRegistration registration) {
        registration.delete();
        ClientRegistration.flush();
    }

    /**
     * A key's expirationTime never exceeds its source's registration (contract section 7): a shortened registration
     * shortens its keys in the same transaction. By table, not through the keys package, as {@link #end} relies on the
     * schema's cascade: the key's own chain read caps the shown value too, but a retrieval writes nothing.
     */
    private static void keysNeverOutlive(ClientRegistration registration) {
        ClientRegistration.getEntityManager().createNativeQuery("update key_registration set expiration_time = ?1"
                + " where source_id = ?2 and admin_fqdn = ?3 and expiration_time > ?1")
                .setParameter(1, registration.expirationTime).setParameter(2, registration.clientId)
                .setParameter(3, registration.adminFqdn).executeUpdate();
    }

    /** The caller's own valid registration: unknown or expired 4004, someone else's 4103. */
    private ClientRegistration owned(String clientId, String registrationId) {
        ClientRegistration registration = ClientRegistration.findValid(registrationId, clock.instant())
                .orElseThrow(() -> MafException.notFound("No MAF Client Registration '" + registrationId
                        + "' exists (it may have expired or been de-registered)."));
        if (!registration.clientId.equals(clientId)) {
            throw MafException.noPrivilege("Registration '" + registrationId + "' belongs to another MAF client; only the"
                    + " registering client may use it.");
        }
        return registration;
    }

    private static String newRegistrationId() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A concurrent twin shows as the unique constraint on (client, stakeholder); anything else is not a conflict. */
    private static boolean isUniqueViolation(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
