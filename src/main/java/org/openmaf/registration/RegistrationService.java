package org.openmaf.registration;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.openmaf.audit.ProcedureAudit;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.Attributes;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.MafNames;
import org.openmaf.onem2m.Rsc;
import org.openmaf.time.MafClock;

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
    MafClock clock;

    @Inject
    ProcedureAudit audit;

    /** 8.8.2.3. The stakeholder must authorize the client; it also caps the lifetime. */
    @Transactional
    public ClientRegistration register(String clientId, ClientRegMessages.Create request) {
        String adminFqdn = Attributes.required(request.adminFqdn(), RESOURCE, MafNames.ADMIN_FQDN);
        Attributes.mafFqdn(request.mafFqdn(), config.fqdn(), RESOURCE);
        Instant now = clock.now();
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
        audit.succeeded(Rsc.CREATED, registration.id);
        return registration;
    }

    @Transactional
    public ClientRegistration retrieve(String clientId, String registrationId) {
        ClientRegistration registration = owned(clientId, registrationId);
        audit.succeeded(Rsc.OK, registration.id);
        return registration;
    }

    /** 8.8.2.4. None attached: 4004. */
    @Transactional
    public ClientConfiguration configuration(String clientId, String registrationId) {
        ClientRegistration registration = owned(clientId, registrationId);
        ClientConfiguration cfg = ClientConfiguration.findFor(registration.clientId, registration.adminFqdn)
                .orElseThrow(() -> MafException.notFound("No MAF Client Configuration is attached to this registration;"
                        + " ask the operator of '" + registration.adminFqdn + "'."));
        audit.succeeded(Rsc.OK, registration.id);
        return cfg;
    }

    /** 8.8.2.5. Needs expirationTime or labels; the stakeholder must still authorize the client, and caps the lifetime. */
    @Transactional
    public ClientRegistration update(String clientId, String registrationId, ClientRegMessages.Update request) {
        if (request.expirationTime() == null && request.labels() == null) {
            throw MafException.badRequest(RESOURCE + ": an update needs expirationTime or labels.");
        }
        Attributes.mafFqdn(request.mafFqdn(), config.fqdn(), RESOURCE);
        Instant now = clock.now();
        Attributes.futureExpiration(request.expirationTime(), now, RESOURCE);
        var labels = Attributes.labels(request.labels(), RESOURCE);
        ClientRegistration registration = owned(clientId, registrationId);
        Stakeholder stakeholder = stakeholders.authorizing(registration.adminFqdn, clientId);
        if (request.expirationTime() != null) {
            registration.expirationTime = Attributes.capped(request.expirationTime(), now.plus(stakeholder.maxRegistrationLifetime()));
        }
        if (labels != null) {
            registration.labels = labels;
        }
        registration.lastModifiedTime = now;
        audit.succeeded(Rsc.UPDATED, registration.id);
        return registration;
    }

    /** 8.8.2.6; see {@link ClientRegistration#endWithItsKeys()}. */
    @Transactional
    public void deregister(String clientId, String registrationId) {
        ClientRegistration registration = owned(clientId, registrationId);
        registration.endWithItsKeys();
        audit.succeeded(Rsc.DELETED, registration.id);
    }

    /** The caller's own valid registration: unknown or expired 4004, someone else's 4103. */
    private ClientRegistration owned(String clientId, String registrationId) {
        ClientRegistration registration = ClientRegistration.findValid(registrationId, clock.now())
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
