package org.openmaf.admin;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.keys.KeyRevocation;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.registration.ClientConfiguration;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.Stakeholder;
import org.openmaf.registration.StakeholderDirectory;

import io.quarkus.panache.common.Sort;

/**
 * Administrating stakeholders at run time. Only those created here can be changed here: a stakeholder from
 * configuration would silently come back as configured at the next start, so the operator is sent to the
 * configuration instead.
 */
@ApplicationScoped
public class StakeholderAdmin {

    static final Duration DEFAULT_REGISTRATION_LIFETIME = Duration.ofDays(365);
    static final Duration DEFAULT_KEY_LIFETIME = Duration.ofDays(7);
    /** As maf.stakeholders.*.max-keys-per-client (contract section 7). */
    static final int DEFAULT_MAX_KEYS_PER_CLIENT = 1000;

    @Inject
    StakeholderDirectory directory;

    @Inject
    KeyRevocation keyRevocation;

    @Inject
    AdminAudit audit;

    public List<StakeholderMessages.View> list() {
        return Stakeholder.<Stakeholder>listAll(Sort.by("adminFqdn")).stream().map(StakeholderMessages.View::of).toList();
    }

    public StakeholderMessages.View read(String adminFqdn) {
        return StakeholderMessages.View.of(existing(adminFqdn));
    }

    @Transactional
    public StakeholderMessages.View create(StakeholderMessages.Create request) {
        String adminFqdn = AdminInput.fqdn(request.adminFqdn(), "adminFqdn");
        List<String> patterns = AdminInput.clientPatterns(request.authorizedClients(), "authorizedClients");
        Duration registrations = request.maxRegistrationLifetime() == null ? DEFAULT_REGISTRATION_LIFETIME
                : AdminInput.lifetime(request.maxRegistrationLifetime(), "maxRegistrationLifetime");
        Duration keys = request.maxKeyLifetime() == null ? DEFAULT_KEY_LIFETIME
                : AdminInput.lifetime(request.maxKeyLifetime(), "maxKeyLifetime");
        int quota = request.maxKeysPerClient() == null ? DEFAULT_MAX_KEYS_PER_CLIENT
                : AdminInput.maxKeysPerClient(request.maxKeysPerClient(), "maxKeysPerClient");
        if (Stakeholder.findByIdOptional(adminFqdn).isPresent()) {
            throw MafException.conflict("The stakeholder '" + adminFqdn + "' exists already; change it with PUT.");
        }
        Stakeholder stakeholder = directory.add(adminFqdn, patterns, registrations, keys, quota);
        audit.changed(AdminChange.ADMIN_STAKEHOLDER_CREATE, Rsc.CREATED, adminFqdn, describe(stakeholder));
        return StakeholderMessages.View.of(stakeholder);
    }

    /**
     * Tighter lifetimes apply to registrations and keys from their next update on; existing expiry times stay. Changed
     * authorizedClients and quota apply from the next MAF request on (contract section 7).
     */
    @Transactional
    public StakeholderMessages.View update(String adminFqdn, StakeholderMessages.Update request) {
        if (request.authorizedClients() == null && request.maxRegistrationLifetime() == null && request.maxKeyLifetime() == null
                && request.maxKeysPerClient() == null) {
            throw MafException.badRequest("An update needs authorizedClients, maxRegistrationLifetime, maxKeyLifetime or"
                    + " maxKeysPerClient.");
        }
        Stakeholder stakeholder = adminManaged(adminFqdn);
        directory.change(stakeholder,
                request.authorizedClients() == null ? null : AdminInput.clientPatterns(request.authorizedClients(), "authorizedClients"),
                request.maxRegistrationLifetime() == null ? null
                        : AdminInput.lifetime(request.maxRegistrationLifetime(), "maxRegistrationLifetime"),
                request.maxKeyLifetime() == null ? null : AdminInput.lifetime(request.maxKeyLifetime(), "maxKeyLifetime"),
                request.maxKeysPerClient() == null ? null
                        : AdminInput.maxKeysPerClient(request.maxKeysPerClient(), "maxKeysPerClient"));
        audit.changed(AdminChange.ADMIN_STAKEHOLDER_UPDATE, Rsc.UPDATED, adminFqdn, describe(stakeholder));
        return StakeholderMessages.View.of(stakeholder);
    }

    /** The stakeholder goes, and with it what existed only for it ({@link StakeholderDirectory#remove}). */
    @Transactional
    public void delete(String adminFqdn) {
        Stakeholder stakeholder = adminManaged(adminFqdn);
        long registrations = ClientRegistration.count("adminFqdn", adminFqdn);
        long configurations = ClientConfiguration.count("adminFqdn", adminFqdn);
        long keys = keyRevocation.countUnder(adminFqdn);
        directory.remove(stakeholder);
        audit.changed(AdminChange.ADMIN_STAKEHOLDER_DELETE, Rsc.DELETED, adminFqdn, "removed " + registrations
                + " registration(s), " + keys + " key(s), " + configurations + " client configuration(s)");
    }

    private Stakeholder existing(String adminFqdn) {
        return Stakeholder.<Stakeholder>findByIdOptional(AdminInput.fqdn(adminFqdn, "adminFqdn")).orElseThrow(
                () -> MafException.notFound("There is no stakeholder '" + adminFqdn + "'."));
    }

    private Stakeholder adminManaged(String adminFqdn) {
        Stakeholder stakeholder = existing(adminFqdn);
        if (!Stakeholder.MANAGED_BY_ADMIN.equals(stakeholder.managedBy)) {
            throw MafException.conflict("The stakeholder '" + adminFqdn + "' comes from configuration (maf.stakeholders.\""
                    + adminFqdn + "\".*), which would restore it at the next start; change it there.");
        }
        return stakeholder;
    }

    private static String describe(Stakeholder stakeholder) {
        return "authorizedClients=" + stakeholder.authorizedClients + ", maxRegistrationLifetime="
                + AdminInput.iso(stakeholder.maxRegistrationLifetime()) + ", maxKeyLifetime="
                + AdminInput.iso(stakeholder.maxKeyLifetime()) + ", maxKeysPerClient=" + stakeholder.maxKeysPerClient;
    }
}
