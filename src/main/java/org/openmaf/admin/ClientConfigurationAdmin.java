package org.openmaf.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.keys.Suid;
import org.openmaf.onem2m.Attributes;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.registration.ClientConfiguration;
import org.openmaf.registration.ClientConfigurations;
import org.openmaf.registration.Stakeholder;

import io.quarkus.panache.common.Sort;

/** The MAF Client Configurations operators attach for a client and stakeholder (TS-0003 8.8.2.4). */
@ApplicationScoped
public class ClientConfigurationAdmin {

    private static final String RESOURCE = "clientConfiguration";

    @Inject
    ClientConfigurations configurations;

    @Inject
    AdminAudit audit;

    public Listing<ClientConfigurationMessages.Body> list(String clientId, String adminFqdn, Paging paging) {
        Filters filters = new Filters()
                .where("clientId = :clientId", "clientId", clientId)
                .where("adminFqdn = :adminFqdn", "adminFqdn", adminFqdn);
        return Listing.of(ClientConfiguration.<ClientConfiguration>find(filters.query(), Sort.by("clientId").and("adminFqdn"), filters.parameters()),
                paging, ClientConfigurationMessages.Body::of);
    }

    /** Creates or replaces the configuration for the body's clientId and adminFqdn. */
    @Transactional
    public PutResult put(ClientConfigurationMessages.Body request) {
        String clientId = AdminInput.clientId(request.clientId(), "clientId");
        String adminFqdn = AdminInput.fqdn(request.adminFqdn(), "adminFqdn");
        if (Stakeholder.findByIdOptional(adminFqdn).isEmpty()) {
            throw MafException.badRequest("'adminFqdn': this MAF serves no stakeholder '" + adminFqdn + "'.");
        }
        if (request.httpPort() != null && (request.httpPort() < 1 || request.httpPort() > 65_535)) {
            throw MafException.badRequest("'httpPort' must be a TCP port, 1 to 65535.");
        }
        var key = request.keyReg();
        if (key != null) {
            Suid.checkTargets(Suid.accepted(key.suid(), "keyReg"), AdminInput.clientIds(key.targetIds(), "keyReg.targetIds"), "keyReg");
        }
        var result = configurations.attach(clientId, adminFqdn, new ClientConfigurations.Attached(request.httpPort(),
                request.expirationTime(), Attributes.labels(request.labels(), RESOURCE), key == null ? null : key.suid(),
                key == null ? null : key.targetIds(), key == null ? null : key.expirationTime(),
                key == null ? null : Attributes.labels(key.labels(), RESOURCE + ".keyReg")));
        boolean created = result.created();
        Rsc rsc = created ? Rsc.CREATED : Rsc.UPDATED;
        audit.changed(AdminChange.ADMIN_CLIENT_CONFIGURATION_PUT, rsc, resourceId(clientId, adminFqdn),
                created ? "created" : "replaced");
        return new PutResult(ClientConfigurationMessages.Body.of(result.configuration()), created);
    }

    @Transactional
    public void delete(String clientId, String adminFqdn) {
        AdminInput.required(clientId, "clientId");
        AdminInput.required(adminFqdn, "adminFqdn");
        ClientConfiguration cfg = ClientConfiguration.findFor(clientId, adminFqdn).orElseThrow(() -> MafException.notFound(
                "No client configuration is attached for " + clientId + " and '" + adminFqdn + "'."));
        configurations.detach(cfg);
        audit.changed(AdminChange.ADMIN_CLIENT_CONFIGURATION_DELETE, Rsc.DELETED, resourceId(clientId, adminFqdn), null);
    }

    /** Client IDs hold slashes, so the audit record names the pair in words. */
    static String resourceId(String clientId, String adminFqdn) {
        return clientId + " for " + adminFqdn;
    }

    public record PutResult(ClientConfigurationMessages.Body configuration, boolean created) {
    }
}
