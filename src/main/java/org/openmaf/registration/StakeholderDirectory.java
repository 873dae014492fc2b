package org.openmaf.registration;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.MafException;

import io.quarkus.runtime.StartupEvent;

/**
 * Who may register for whom. Stakeholders live in the database, so an operator's change takes effect at once on every
 * instance; those from configuration ({@code maf.stakeholders.*}) are written there at start-up.
 */
@ApplicationScoped
public class StakeholderDirectory {

    private static final Logger LOG = Logger.getLogger(StakeholderDirectory.class);

    @Inject
    MafConfig config;

    @Inject
    InstantSource clock;

    @Transactional
    void applyConfiguration(@Observes StartupEvent start) {
        Map<String, MafConfig.Stakeholder> configured = config.stakeholders();
        configured.forEach((adminFqdn, settings) -> {
            Stakeholder stakeholder = Stakeholder.<Stakeholder>findByIdOptional(adminFqdn).orElseGet(() -> {
                Stakeholder created = new Stakeholder();
                created.adminFqdn = adminFqdn;
                created.createdAt = clock.instant();
                return created;
            });
            stakeholder.authorizedClients = List.copyOf(settings.authorizedClients());
            stakeholder.maxRegistrationLifetimeSeconds = settings.maxRegistrationLifetime().toSeconds();
            stakeholder.maxKeyLifetimeSeconds = settings.maxKeyLifetime().toSeconds();
            stakeholder.managedBy = Stakeholder.MANAGED_BY_CONFIG;
            stakeholder.updatedAt = clock.instant();
            stakeholder.persist();
        });
        long removed = Stakeholder.delete("managedBy = ?1 and adminFqdn not in ?2", Stakeholder.MANAGED_BY_CONFIG,
                configured.isEmpty() ? List.of("") : List.copyOf(configured.keySet()));
        LOG.infof("Stakeholders from configuration: %s%s", configured.keySet(),
                removed > 0 ? " (" + removed + " no longer configured, removed)" : "");
    }

    public Optional<Stakeholder> find(String adminFqdn) {
        return Stakeholder.findByIdOptional(adminFqdn);
    }

    /** The stakeholder, which must authorize the client (TS-0003 8.8.3.2: the stakeholder allows the registration). */
    public Stakeholder authorizing(String adminFqdn, String clientId) {
        Stakeholder stakeholder = find(adminFqdn).orElseThrow(() -> MafException.noPrivilege(
                "This MAF serves no administrating stakeholder '" + adminFqdn + "'."));
        if (!stakeholder.authorizes(clientId)) {
            throw MafException.noPrivilege(clientId + " is not authorized to register for the administrating stakeholder '"
                    + adminFqdn + "'.");
        }
        return stakeholder;
    }
}
