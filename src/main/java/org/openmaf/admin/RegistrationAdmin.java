package org.openmaf.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openmaf.config.MafConfig;
import org.openmaf.keys.KeyReference;
import org.openmaf.keys.KeyRegistration;
import org.openmaf.keys.KeyRevocation;
import org.openmaf.onem2m.MafException;
import org.openmaf.onem2m.Rsc;
import org.openmaf.registration.ClientRegistration;
import org.openmaf.registration.RegistrationService;

import io.quarkus.panache.common.Sort;

/**
 * What operators see and revoke of the MAF's client and key registrations. Listings include records that expired but
 * are not purged yet; their expirationTime tells. A revocation is a de-registration the client did not ask for.
 */
@ApplicationScoped
public class RegistrationAdmin {

    @Inject
    MafConfig config;

    @Inject
    AdminAudit audit;

    @Inject
    RegistrationService registrations;

    @Inject
    KeyRevocation keyRevocation;

    public Listing<RegistrationMessages.ClientRegistrationView> clientRegistrations(String clientId, String adminFqdn,
            Paging paging) {
        Filters filters = new Filters()
                .where("clientId = :clientId", "clientId", clientId)
                .where("adminFqdn = :adminFqdn", "adminFqdn", adminFqdn);
        return Listing.of(ClientRegistration.<ClientRegistration>find(filters.query(), Sort.by("creationTime").and("id"), filters.parameters()),
                paging, RegistrationMessages.ClientRegistrationView::of);
    }

    public RegistrationMessages.ClientRegistrationView clientRegistration(String id) {
        return RegistrationMessages.ClientRegistrationView.of(existingRegistration(id));
    }

    /** As MAF Client De-Registration (TS-0003 8.8.2.6): the keys the client registered for the stakeholder go too. */
    @Transactional
    public RegistrationMessages.Revocation revokeClientRegistration(String id) {
        ClientRegistration registration = existingRegistration(id);
        long keys = keyRevocation.countOf(registration.clientId, registration.adminFqdn);
        registrations.revoke(registration);
        audit.changed(AdminChange.ADMIN_CLIENT_REGISTRATION_REVOKE, Rsc.DELETED, registration.id,
                "clientId=" + registration.clientId + ", adminFqdn=" + registration.adminFqdn + ", keys revoked: " + keys);
        return new RegistrationMessages.Revocation(1, keys);
    }

    public Listing<RegistrationMessages.KeyRegistrationView> keyRegistrations(KeyFilter filter, Paging paging) {
        // One key_target row per target: an indexed lookup, and an exact match.
        Filters filters = new Filters()
                .where("sourceId = :sourceId", "sourceId", filter.sourceId())
                .where("relativeKeyId in (select k.relativeKeyId from KeyRegistration k join k.targetIds t where t = :target)",
                        "target", filter.targetId())
                .where("adminFqdn = :adminFqdn", "adminFqdn", filter.adminFqdn())
                .where("suid = :suid", "suid", filter.suid());
        return Listing.of(KeyRegistration.<KeyRegistration>find(filters.query(), Sort.by("creationTime").and("relativeKeyId"), filters.parameters()),
                paging, key -> RegistrationMessages.KeyRegistrationView.of(key, config.fqdn()));
    }

    public RegistrationMessages.KeyRegistrationView keyRegistration(String reference) {
        return RegistrationMessages.KeyRegistrationView.of(existingKey(reference), config.fqdn());
    }

    @Transactional
    public RegistrationMessages.Revocation revokeKey(String reference) {
        KeyRegistration key = existingKey(reference);
        keyRevocation.revoke(key);
        audit.changed(AdminChange.ADMIN_KEY_REVOKE, Rsc.DELETED, key.relativeKeyId, "sourceId=" + key.sourceId);
        return new RegistrationMessages.Revocation(0, 1);
    }

    /** Every key the client registered as source, for one stakeholder or all; its registrations stay. */
    @Transactional
    public RegistrationMessages.Revocation revokeKeysOf(String sourceId, String adminFqdn) {
        AdminInput.clientId(sourceId, "sourceId");
        long keys = keyRevocation.revokeAllOf(sourceId, adminFqdn);
        audit.changed(AdminChange.ADMIN_CLIENT_KEYS_REVOKE, Rsc.DELETED, sourceId,
                (adminFqdn == null ? "all stakeholders" : "adminFqdn=" + adminFqdn) + ", keys revoked: " + keys);
        return new RegistrationMessages.Revocation(0, keys);
    }

    private ClientRegistration existingRegistration(String id) {
        return ClientRegistration.<ClientRegistration>findByIdOptional(id).orElseThrow(
                () -> MafException.notFound("No MAF Client Registration '" + id + "' exists."));
    }

    private KeyRegistration existingKey(String reference) {
        String relativeKeyId = KeyReference.relativeKeyId(reference, config.fqdn());
        return KeyRegistration.<KeyRegistration>findByIdOptional(relativeKeyId).orElseThrow(
                () -> MafException.notFound("No key is registered as " + relativeKeyId + "."));
    }

    /** The filters of a key listing; absent ones match every key. */
    public record KeyFilter(String sourceId, String targetId, String adminFqdn, Integer suid) {
    }
}
