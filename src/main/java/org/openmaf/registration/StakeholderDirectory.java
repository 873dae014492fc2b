package org.openmaf.registration;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.openmaf.config.MafConfig;
import org.openmaf.onem2m.DatabaseKind;
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

    @Inject
    DatabaseKind database;

    /**
     * The key of the transaction-scoped PostgreSQL advisory lock that serializes {@link #apply} across instances
     * ("maf-stak" in ASCII); any constant works, as long as no other lock of this database uses it.
     */
    static final long CONFIGURATION_LOCK = 0x6d61662d7374616bL;

    /**
     * Writes the configured stakeholders, and removes those that came from configuration and are configured no longer.
     * Removal is by the same rule as the admin API's ({@link #remove}): the stakeholder's registrations, their keys and
     * its client configurations go too. Configuration is the source of truth for these stakeholders, and a key must
     * never stay served for a stakeholder the MAF no longer serves; keeping the data disabled until the stakeholder
     * returns would survive a typo, but would also keep key material for a relationship the operator ended. The
     * start-up log names every stakeholder it removes.
     */
    @Transactional
    void applyConfiguration(@Observes StartupEvent start) {
        apply(config.stakeholders());
    }

    /** The start-up step, callable with any configuration (tests prove a changed configuration this way). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Map<String, MafConfig.Stakeholder> configured) {
        awaitOtherInstancesApplying();
        configured.forEach((adminFqdn, settings) -> {
            Stakeholder stakeholder = find(adminFqdn).orElseGet(() -> {
                Stakeholder created = new Stakeholder();
                created.adminFqdn = adminFqdn;
                created.createdAt = clock.instant();
                return created;
            });
            stakeholder.authorizedClients = configuredPatterns(adminFqdn, settings.authorizedClients());
            stakeholder.maxRegistrationLifetimeSeconds = settings.maxRegistrationLifetime().toSeconds();
            stakeholder.maxKeyLifetimeSeconds = settings.maxKeyLifetime().toSeconds();
            stakeholder.maxKeysPerClient = configuredQuota(adminFqdn, settings.maxKeysPerClient());
            stakeholder.managedBy = Stakeholder.MANAGED_BY_CONFIG;
            stakeholder.updatedAt = clock.instant();
            stakeholder.persist();
        });
        List<Stakeholder> unconfigured = fromConfiguration().stream()
                .filter(stakeholder -> !configured.containsKey(stakeholder.adminFqdn)).toList();
        unconfigured.forEach(this::remove);
        LOG.infof("Stakeholders from configuration: %s%s", configured.keySet(), unconfigured.isEmpty() ? ""
                : " (no longer configured, removed with their registrations, keys and client configurations: "
                        + unconfigured.stream().map(stakeholder -> stakeholder.adminFqdn).toList() + ")");
    }

    /**
     * The stakeholders configuration wrote, by a criteria query rather than HQL: HQL's parser takes 135 to 171 ms at its
     * first use in a cold JVM, and no other statement before the MAF's first answer needs it (issue 12, start-up: the
     * start-up observers took 110 to 150 ms less). The scheduled jobs meet the parser on their own threads.
     */
    private static List<Stakeholder> fromConfiguration() {
        CriteriaBuilder criteria = Stakeholder.getEntityManager().getCriteriaBuilder();
        CriteriaQuery<Stakeholder> query = criteria.createQuery(Stakeholder.class);
        Root<Stakeholder> stakeholder = query.from(Stakeholder.class);
        query.where(criteria.equal(stakeholder.get("managedBy"), Stakeholder.MANAGED_BY_CONFIG));
        return Stakeholder.getEntityManager().createQuery(query).getResultList();
    }

    /**
     * Instances that start together on one database (contract section 9) apply their configuration one after the other:
     * without this, both would find a configured stakeholder missing, both insert it, and the later one would die at
     * start-up on the primary key. The lock is held until this transaction ends, so the next instance sees what this
     * one wrote. H2 (dev mode) has no advisory locks and serves a single process anyway.
     */
    private void awaitOtherInstancesApplying() {
        if (database.postgreSql()) {
            Stakeholder.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + CONFIGURATION_LOCK + ")")
                    .getResultList();
        }
    }

    /** A stakeholder an operator adds at run time (admin API). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stakeholder add(String adminFqdn, List<String> authorizedClients, Duration maxRegistrationLifetime,
            Duration maxKeyLifetime, int maxKeysPerClient) {
        Instant now = clock.instant();
        Stakeholder stakeholder = new Stakeholder();
        stakeholder.adminFqdn = adminFqdn;
        stakeholder.authorizedClients = List.copyOf(authorizedClients);
        stakeholder.maxRegistrationLifetimeSeconds = maxRegistrationLifetime.toSeconds();
        stakeholder.maxKeyLifetimeSeconds = maxKeyLifetime.toSeconds();
        stakeholder.maxKeysPerClient = maxKeysPerClient;
        stakeholder.managedBy = Stakeholder.MANAGED_BY_ADMIN;
        stakeholder.createdAt = now;
        stakeholder.updatedAt = now;
        stakeholder.persist();
        return stakeholder;
    }

    /**
     * Changes what is given (null: unchanged). Tighter lifetimes apply to registrations and keys from their next update;
     * changed authorizedClients and a lower maxKeysPerClient apply from the next request on, since every key operation
     * checks them then (contract section 7).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(Stakeholder stakeholder, List<String> authorizedClients, Duration maxRegistrationLifetime,
            Duration maxKeyLifetime, Integer maxKeysPerClient) {
        if (authorizedClients != null) {
            stakeholder.authorizedClients = List.copyOf(authorizedClients);
        }
        if (maxRegistrationLifetime != null) {
            stakeholder.maxRegistrationLifetimeSeconds = maxRegistrationLifetime.toSeconds();
        }
        if (maxKeyLifetime != null) {
            stakeholder.maxKeyLifetimeSeconds = maxKeyLifetime.toSeconds();
        }
        if (maxKeysPerClient != null) {
            stakeholder.maxKeysPerClient = maxKeysPerClient;
        }
        stakeholder.updatedAt = clock.instant();
    }

    /**
     * The one rule for what goes with a stakeholder, whoever removes it (the admin API, or configuration at start-up):
     * its clients' registrations, the keys registered under them, and the client configurations attached for it. The
     * schema carries the rule (ON DELETE CASCADE, V2__ownership_and_key_targets.sql), so no path can leave an orphan.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(Stakeholder stakeholder) {
        stakeholder.delete();
        Stakeholder.flush();
    }

    /** Configured patterns in canonical form; one that is no pattern stops the start, naming the setting. */
    private static List<String> configuredPatterns(String adminFqdn, List<String> patterns) {
        return patterns.stream().map(pattern -> ClientPattern.canonical(pattern).orElseThrow(() -> new IllegalStateException(
                "maf.stakeholders.\"" + adminFqdn + "\".authorized-clients: '" + pattern + "' is neither a client ID"
                        + " //SP-ID/id nor the start of one ending in '*' (e.g. //my.m2mprovider.org/*)."))).toList();
    }

    private static int configuredQuota(String adminFqdn, int maxKeysPerClient) {
        if (maxKeysPerClient < 1) {
            throw new IllegalStateException("maf.stakeholders.\"" + adminFqdn + "\".max-keys-per-client must be at least 1.");
        }
        return maxKeysPerClient;
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
