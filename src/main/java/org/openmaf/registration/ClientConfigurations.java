package org.openmaf.registration;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes the MAF Client Configurations operators attach for a client and stakeholder (TS-0003 8.8.2.4). One exists
 * only as long as its stakeholder (the schema cascades); it need not wait for the client to register.
 */
@ApplicationScoped
public class ClientConfigurations {

    @Inject
    InstantSource clock;

    /** What an operator attaches; keyReg* all null when there is no MAF Key Registration Configuration. */
    public record Attached(Integer httpPort, Instant expirationTime, List<String> labels, Integer keyRegSuid,
            List<String> keyRegTargetIds, Instant keyRegExpirationTime, List<String> keyRegLabels) {
    }

    /** The configuration now attached, and whether it is new rather than replaced. */
    public record Result(ClientConfiguration configuration, boolean created) {
    }

    /** Creates or replaces the configuration for the client and stakeholder. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Result attach(String clientId, String adminFqdn, Attached attached) {
        ClientConfiguration cfg = ClientConfiguration.findFor(clientId, adminFqdn).orElse(null);
        boolean created = cfg == null;
        if (created) {
            cfg = new ClientConfiguration();
            cfg.clientId = clientId;
            cfg.adminFqdn = adminFqdn;
        }
        cfg.httpPort = attached.httpPort();
        cfg.expirationTime = attached.expirationTime();
        cfg.labels = attached.labels();
        cfg.keyRegSuid = attached.keyRegSuid();
        cfg.keyRegTargetIds = attached.keyRegTargetIds();
        cfg.keyRegExpirationTime = attached.keyRegExpirationTime();
        cfg.keyRegLabels = attached.keyRegLabels();
        cfg.updatedAt = clock.instant();
        cfg.persist();
        return new Result(cfg, created);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void detach(ClientConfiguration cfg) {
        cfg.delete();
    }
}
